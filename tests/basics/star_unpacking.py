# Starred assignment targets and starred expressions.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(5)
print(a, mid, b)
a, *mid, b = 1, 2
print(a, mid, b)
print([*range(3), *"xy"])
print((*[1, 2], 3))
print({*[1, 1, 2]} == {1, 2})
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print({**d1, **d2})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
