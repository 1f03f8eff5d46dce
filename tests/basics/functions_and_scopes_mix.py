# functions and scopes: class bodies reading enclosing locals, mutable defaults, keyword-only and
# varargs binding, recursion, global shadowing, default-argument capture, names of singleton types.
def outer():
    x = 1
    class C:
        y = x + 1
        def m(self):
            return x + 10
    return C
C = outer(); print(C.y, C().m())
def f(a, b=[]):
    b.append(a)
    return b
print(f(1), f(2), f(3, []))
def kw(*, a, b=2, **rest):
    return a, b, rest
print(kw(a=1, c=3))
def varargs(a, *args, b=5, **kw):
    return a, args, b, kw
print(varargs(1, 2, 3, b=4, z=0), varargs(*range(3), **{"q": 1}))
def gen_default(n=None):
    return [] if n is None else n
print(gen_default(), gen_default([1]))
print((lambda: (yield))().__class__.__name__ in ("generator",))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(30))
g = 10
def read_global():
    return g
def shadow_global():
    g = 20
    return g
print(read_global(), shadow_global(), g)
try:
    exec("def bad():\n    print(undefined_zz)\nbad()")
except NameError as e:
    print("NameError")
x = [i for i in range(3)]
print([i for i in range(3) if i in x])
fns = {}
for name in ("a", "b"):
    def make(n=name):
        return n
    fns[name] = make
print(fns["a"](), fns["b"]())
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
