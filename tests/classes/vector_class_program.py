# a vector class using most special methods together: arithmetic with NotImplemented, reflected
# aliases, sequence protocol, hashing, truth, __format__ in f-strings, += falling back to __add__.
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec(%s)" % ", ".join(map(repr, self.c))
    def __add__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vec(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __hash__(self):
        return hash(tuple(self.c))
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __iter__(self):
        return iter(self.c)
    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5
    def __bool__(self):
        return any(self.c)
    def __format__(self, spec):
        return "<" + ", ".join(format(x, spec) for x in self.c) + ">"
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v * 2, 2 * v, v * w, -v, abs(w), len(v), v[1], list(w), bool(Vec(0, 0)), v == Vec(1, 2))
print(f"{w:.1f}", "{:>3}".format(v), {v: "a"}[Vec(1, 2)], sum([v, w], Vec(0, 0)), sorted([w, v], key=abs))
try:
    v + 1
except TypeError:
    print("TypeError")
x = v
x += w
print(x, v, x is v)
