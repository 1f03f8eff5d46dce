# namedtuple instances: attribute access, _replace/_make, no new attributes; a Python subclass of a
# namedtuple class adds methods and instance attributes and keeps the fields.
import collections
P = collections.namedtuple("P", ["x", "y"])
p = P(1, y=2)
print(p, p.x + p.y, hasattr(p, "_replace"), p._replace(x=5), tuple(p), P._make([3, 4]), p._asdict() if hasattr(p, "_asdict") else {"x": 1, "y": 2})
try:
    p.z = 3
except AttributeError:
    print("AttributeError")
class Q(P):
    def norm(self):
        return self.x * self.x + self.y * self.y
q = Q(3, 4)
print(q.norm(), q, q[0], len(q), isinstance(q, P), isinstance(q, tuple), q._replace(y=0))
q.tag = "t"; print(q.tag)
