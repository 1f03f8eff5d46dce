# collections.namedtuple fields, indexing and unpacking.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p.x, p.y, p[0], p[1], len(p), tuple(p))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
P3 = namedtuple("P3", "a b c")
print(P3(1, 2, 3).c, P3(*range(3)), type(p).__name__)
