# len() on builtins, user __len__, and errors (negative, non-int, missing).
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len("héllo"), len(b"ab"), len([1]), len({1: 2}), len({1}), len(range(5)), len(L(7)), len(bytearray(3)))
for bad in [L(-1), L("x"), 5, None]:
    try:
        len(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
