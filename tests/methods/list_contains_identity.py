# `in`, index and count compare by equality; equal numbers of different types match.
# (A NaN object finding itself by identity is a MicroPython difference: micropython/nan_in_container.py.)
items = ["x", 1, 1.0, True]
print(items.count(1), items.index(True), float("nan") in items, 2 in items, "x" in items)
class Eq:
    def __eq__(self, o):
        return True
print(Eq() in [1], [1, 2].index(Eq()), [Eq()].count(5))
