# defining __eq__ without __hash__ makes instances unhashable; __hash__ restores; __hash__ = None.
class EqOnly:
    def __eq__(self, o):
        return True
class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Both) and o.k == self.k
    def __hash__(self):
        return hash(self.k)
class NoHash:
    __hash__ = None
for cls in (EqOnly, NoHash):
    try:
        hash(cls())
    except TypeError as e:
        print(cls.__name__, type(e).__name__)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(1) in s, {Both(3): "v"}[Both(3)])
class Inherit(Both):
    pass
print(hash(Inherit(5)) == hash(5), EqOnly.__hash__ is None)
