# *args and **kwargs collection.
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, x=2))
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def h(a, **opts):
    return a, opts
print(h(1, b=2))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(*range(10)))
print(type(f()[0]).__name__)
