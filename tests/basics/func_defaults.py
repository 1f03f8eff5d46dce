# Default arguments, including evaluation time and mutable defaults.
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(a=0))
counter = 100
def g(v=counter):
    return v
counter = 200
print(g())
def acc(item, into=[]):
    into.append(item)
    return into
print(acc(1), acc(2))
def safe(item, into=None):
    if into is None:
        into = []
    into.append(item)
    return into
print(safe(1), safe(2))
try:
    f()
except TypeError:
    print("TypeError missing arg")
