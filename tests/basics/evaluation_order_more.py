# evaluation order and short-circuiting: and/or/not, chained comparisons, subscripts, dict displays,
# right-associative **, assignment targets, star-args and keyword arguments.
def trace():
    out = []
    def a():
        out.append("a")
        return False
    def b():
        out.append("b")
        return True
    r = a() and b(), a() or b(), not a(), b() or a()
    return r, out
print(trace())
x = 0
def side(v):
    global x
    x += 1
    return v
print(side(1) < side(2) < side(0) < side(5), x)
print([side(i) for i in range(3)][side(1)], x)
d = {side("k"): side("v")}
print(d, x)
print(side(2) ** side(3) ** side(2), x)
a = [0, 0, 0]
a[side(1)] = side(9)
print(a, x)
print(*(side(i) for i in range(2)), sep="|")
f = lambda *args, **kw: (args, kw)
print(f(side(1), *[side(2)], k=side(3), **{"m": side(4)}), x)
