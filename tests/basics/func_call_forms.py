# Every call form: positional, keyword, star, double star, mixed.
def f(a, b, c=0, *args, d=1, **kw):
    return (a, b, c, args, d, sorted(kw.items()))
print(f(1, 2))
print(f(1, 2, 3, 4, 5))
print(f(b=2, a=1))
print(f(1, *[2, 3]))
print(f(*(1, 2), d=4))
print(f(1, 2, **{"d": 5, "e": 6}))
print(f(*[1], *[2], 3, *[4], d=7, **{"z": 0}))
print(f(1, b=2, **{"x": 9}))
try:
    f(1, 2, a=3)
except TypeError:
    print("TypeError multiple values")
try:
    f(1, 2, **{"d": 1}, d=2)
except TypeError:
    print("TypeError repeated kwarg")
