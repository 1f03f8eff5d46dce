# __new__ creating, caching and replacing instances; __init__ only runs when __new__ returns an instance.
class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a, b = Single(1), Single(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("abc"); print(u, type(u).__name__, u + "d", len(u))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
p = Pair(1, 2); print(p, p[1], type(p).__name__, isinstance(p, tuple))
