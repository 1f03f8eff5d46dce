# subclasses of dict/list/set/int/str overriding some methods: super() calls into the builtin, and
# builtin operations that do not go through the overrides (iteration, dict(), len of list...).
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v.upper() if isinstance(v, str) else v)
d = D({"a": "x"}, b="y")
d["c"] = "z"
print(d, d.sets, len(d), isinstance(d, dict), dict(d), d.get("c"))
class L(list):
    def __getitem__(self, i):
        return "item"
l = L([1, 2])
print(l[0], list(l), [x for x in l], len(l), l + [3], sum(l))
class S(set):
    def add(self, x):
        super().add(x * 2)
s = S([1]); s.add(5)
print(sorted(s), type(s | {0}).__name__, isinstance(s, set))
class I(int):
    def __add__(self, o):
        return I(int(self) + int(o) + 100)
print(I(1) + 1, 1 + I(1), I(5) * 2, type(I(5) * 2).__name__, str(I(7)), I(3) == 3, hash(I(3)) == hash(3))
class Str(str):
    def __len__(self):
        return 99
print(len(Str("ab")), Str("ab").upper(), type(Str("ab").upper()).__name__, Str("ab") == "ab", Str("x") + "y")
