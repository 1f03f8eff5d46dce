# len of every container type and objects with __len__.
print(len(""), len("abc"), len(b"ab"), len(bytearray(3)), len([1, 2]), len((1,)), len({}), len({1: 2}))
print(len(set()), len({1, 2, 2}), len(frozenset([1])), len(range(10)), len(range(0, 10, 3)), len(range(5, 0, -2)))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
# Type names are printed from a fixed list: iterator type names differ between implementations.
for name, bad in [("int", 5), ("float", 1.0), ("None", None), ("iterator", iter([]))]:
    try:
        len(bad)
    except TypeError:
        print("TypeError", name)
