# Closures see the latest value of a captured variable.
def make():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return fns
print([f() for f in make()])
def make_bound():
    fns = []
    for i in range(3):
        def f(i=i):
            return i
        fns.append(f)
    return fns
print([f() for f in make_bound()])
def later():
    x = 1
    def get():
        return x
    x = 2
    return get
print(later()())
