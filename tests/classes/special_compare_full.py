# rich comparisons: reflected fallbacks, total ordering by hand, sorting user objects, errors.
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v
    def __repr__(self):
        return "V%d" % self.v
a, b = V(1), V(2)
print(a < b, b > a, a == V(1), a != V(1), a == 1, sorted([V(3), V(1), V(2)]), max([V(5), V(9)]), min(V(4), V(2)))
try:
    a <= b
except TypeError as e:
    print(type(e).__name__)
class Weird:
    def __eq__(self, o):
        return "truthy string"
print(Weird() == 1, bool(Weird() == 1), [1] == [Weird()] if False else Weird() in [1])
