# Python subclasses of tuple: items from the constructor or __new__, instance attributes, tuple behaviour.
class P(tuple):
    pass
p = P([1, 2, 3])
p.name = "pt"
print(p, len(p), p[0], p.name, p + (4,), p == (1, 2, 3), hash(p) == hash((1, 2, 3)), isinstance(p, tuple), type(p).__name__)
a, b, c = p; print(a, b, c, list(p), p[1:], p.count(2), sorted(P("cab")))
class Q(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Q(%r, %r)" % self
q = Q(1, 2); print(q, q.x, repr([q]), P(), len(P()))
