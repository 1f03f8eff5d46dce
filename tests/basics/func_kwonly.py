# Keyword-only parameters, with and without defaults.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=5))
try:
    f(1, 2)
except TypeError:
    print("TypeError positional for kw-only")
try:
    f(1)
except TypeError:
    print("TypeError missing kw-only")
def g(*args, sep="-"):
    return sep.join(str(a) for a in args)
print(g(1, 2, 3), g(1, 2, sep="+"))
def h(*, only):
    return only
print(h(only="yes"))
