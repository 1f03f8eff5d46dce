# independent closures from the same factory; nonlocal counters; closures over loop variables via defaults.
def counter(start):
    n = start
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc1, get1 = counter(0)
inc2, get2 = counter(100)
inc1(); inc1(5); inc2()
print(get1(), get2())
fs = [lambda i=i: i * i for i in range(4)]
print([f() for f in fs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
