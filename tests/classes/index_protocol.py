# __index__ lets objects be used as indices, slice bounds, in bin/hex/oct and range.
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
a = list(range(10))
print(a[I(3)], a[I(-1)], a[I(2):I(5)], "abcdef"[I(1)], (1, 2, 3)[I(0)], bin(I(5)), hex(I(255)), oct(I(8)))
print(list(range(I(3))), [0] * I(2), "x" * I(3), bytes(I(2)) if False else len(range(I(1), I(4))))
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__)
