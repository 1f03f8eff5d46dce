# tuple subclasses: __init__ after the immutable __new__, methods using the items, slicing and
# concatenation giving plain tuples, hashing/equality with tuples, construction errors.
class T(tuple):
    def __init__(self, items):
        self.n = len(self)
    def total(self):
        return sum(self)
t = T(x * x for x in range(4))
print(t, t.n, t.total(), type(t[1:]).__name__, t[1:], t == (0, 1, 4, 9), t < (1,), hash(t) == hash(tuple(t)))
print(sorted([T([2]), T([1])]), T.__new__(T, [5]), type(T.__new__(T, [5])).__name__, T([]) == (), len(T(())))
print({t: "v"}[(0, 1, 4, 9)], t + (1,), type(t + (1,)).__name__, t * 2, list(reversed(t)), t.index(4), t.count(1))
class Empty(tuple):
    pass
e = Empty()
print(e, len(e), bool(e), repr(Empty("ab")))
try:
    T(5)
except TypeError:
    print("TypeError")
