# A 2x2 matrix class with __mul__, __eq__, __getitem__ and __pow__.
class M:
    def __init__(self, a, b, c, d):
        self.v = (a, b, c, d)
    def __mul__(self, o):
        a, b, c, d = self.v
        e, f, g, h = o.v
        return M(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)
    def __pow__(self, n):
        result = M(1, 0, 0, 1)
        base = self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result
    def __eq__(self, o):
        return self.v == o.v
    def __getitem__(self, ij):
        i, j = ij
        return self.v[i * 2 + j]
    def __repr__(self):
        return "M%r" % (self.v,)
fib = M(1, 1, 1, 0)
print(fib ** 10, (fib ** 90)[0, 1])
print(M(1, 2, 3, 4) * M(1, 0, 0, 1) == M(1, 2, 3, 4))
