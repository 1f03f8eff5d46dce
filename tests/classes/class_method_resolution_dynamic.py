# methods added, replaced or deleted on a class after instances exist affect those instances.
class A:
    def f(self):
        return "A.f"
class B(A):
    pass
b = B()
print(b.f())
B.f = lambda self: "B.f patched"
print(b.f())
del B.f
print(b.f())
A.g = lambda self: "late g"
print(b.g(), hasattr(b, "g"), "g" in dir(b))
b.f = lambda: "instance attr"
print(b.f(), B.f(b))
