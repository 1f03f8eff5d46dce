# Bound methods remember their instance; functions stored on instances are not bound.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a, b = C(1), C(2)
ga = a.get
print(ga(), C.get(b))
print(ga.__self__ is a, ga.__func__ is C.get)
a.func = lambda: "instance function"
print(a.func())
print([m() for m in [a.get, b.get]])
