# numeric special methods: all binary ops, reflected forms, unary ops, abs, int/float conversion.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "N(%r)" % (self.v,)
for name, op in [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"), ("mod", "%"),
                 ("pow", "**"), ("lshift", "<<"), ("rshift", ">>"), ("and", "&"), ("or", "|"), ("xor", "^"),
                 ("matmul", "@")]:
    setattr(N, "__%s__" % name, (lambda op: lambda self, o: N("(%r %s %r)" % (self.v, op, o)))(op))
    setattr(N, "__r%s__" % name, (lambda op: lambda self, o: N("(%r %s %r)" % (o, op, self.v)))(op))
n = N(1)
print(n + 2, 2 + n, n - 1, 1 - n, n * 3, n / 4, 4 // n, n % 5, 2 ** n, n << 1, 1 >> n, n & 3, 3 | n, n ^ 1, n @ 2)
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
    def __int__(self): return 7
    def __float__(self): return 2.5
print(-U(), +U(), ~U(), abs(U()), int(U()), float(U()))
