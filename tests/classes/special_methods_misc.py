# assorted class behaviours: __init__ returning a value, classmethods on list subclasses, super().__new__,
# dict subclass __getitem__, __contains__, in-place ops on attributes/items, 3-arg pow(), big __len__, __getitem__ keys.
class B:
    def __init__(self):
        return 5
try:
    B()
except TypeError as e:
    print("TypeError")
class L(list):
    @classmethod
    def make(cls, n):
        return cls(range(n))
x = L.make(3); print(x, type(x).__name__)
class N:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.args = a
        return inst
print(N(1, 2).args)
class S:
    x = 1
s = S()
print(isinstance(s, S), type(s) is S, s.__class__.__name__)
class Meta:
    pass
print(type(S).__name__, type(type).__name__, isinstance(S, type), isinstance(S, object), S.__bases__, object.__bases__ if hasattr(object, "__bases__") else None)
class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
d = D(a=2); print(d["a"], d.get("a"), dict(d))
class Q:
    def __contains__(self, x):
        return x == 3
print(3 in Q(), 4 in Q(), 4 not in Q())
class I:
    def __init__(self):
        self.n = 0
    def __iadd__(self, o):
        self.n += o
        return self
class H:
    def __init__(self):
        self.i = I()
h = H(); h.i += 5; print(h.i.n)
lst = [I()]; lst[0] += 2; print(lst[0].n)
class P:
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
    def __rpow__(self, o):
        return ("rpow", o)
print(P() ** 2, pow(P(), 2, 5), 2 ** P())
class Len:
    def __len__(self):
        return 2**40
try:
    print(len(Len()))
except OverflowError:
    print("OverflowError")
class G:
    def __getitem__(self, k):
        return k
print(G()[1:2], G()[1:2:3], G()[...], G()[1, 2], G()[:, 1])
