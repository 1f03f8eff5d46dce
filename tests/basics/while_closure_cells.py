# Closures created inside while loops share one cell per enclosing call.
def make():
    fns = []
    i = 0
    while i < 3:
        fns.append(lambda: i)
        i += 1
    return [f() for f in fns]
print(make())
def make_fixed():
    fns = []
    i = 0
    while i < 3:
        fns.append((lambda j: lambda: j)(i))
        i += 1
    return [f() for f in fns]
print(make_fixed())
