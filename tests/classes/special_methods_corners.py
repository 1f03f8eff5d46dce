# special-method corner cases: default __ne__ from __eq__, property chained through super(), descriptors
# read from classmethods, bad __index__, __len__ returning a bool, partial comparisons, __radd__ with sum.
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == getattr(o, "v", None)
print(Eq(1) != Eq(1), Eq(1) != Eq(2), Eq(1) == Eq(1))
class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Derived().name)
class Desc:
    def __get__(self, obj, owner):
        return "desc"
class WithDesc:
    d = Desc()
    @classmethod
    def cm(cls):
        return cls.d
print(WithDesc.cm(), WithDesc().cm())
class BadIndex:
    def __index__(self):
        return "no"
try:
    [1, 2][BadIndex()]
except TypeError:
    print("TypeError index")
class LenBool:
    def __len__(self):
        return True
print(len(LenBool()))
class Cmp:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
print(Cmp(1) <= Cmp(2), Cmp(1) >= Cmp(2), Cmp(3) >= Cmp(3))
try:
    Cmp(1) < Cmp(2)
except TypeError:
    print("TypeError lt")
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __repr__(self): return "Num(%r)" % self.v
print(sum([Num(1), Num(2)]) if False else 0 + Num(5), sum([Num(1)], 10))
class A:
    def __init_subclass__(cls, **kw):
        cls.seen = kw
class B(A, x=1):
    pass
print(B.seen, A.__dict__.get("seen"), "seen" in B.__dict__)
