# argument binding errors: missing, unexpected keyword, duplicate value, too many positional.
def f(a, b=2, *, c, d=4):
    return (a, b, c, d)
print(f(1, c=3), f(1, 5, c=3, d=6), f(c=0, a=1), f(*[1, 2], **{"c": 3}))
for call in [lambda: f(1), lambda: f(1, 2, 3, c=4), lambda: f(1, c=1, e=5), lambda: f(1, a=1, c=2), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__)
def g(**kw):
    return sorted(kw.items())
print(g(x=1, **{"y": 2}), g())
try:
    g(**{1: 2})
except TypeError as e:
    print(type(e).__name__)
