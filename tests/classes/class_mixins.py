# Mixins add behaviour through multiple inheritance.
class ReprMixin:
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, getattr(self, k)) for k in self.fields)
        return "%s(%s)" % (type(self).__name__, fields)
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, k) == getattr(other, k) for k in self.fields)
class Point(ReprMixin, EqMixin):
    fields = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
print([c.__name__ for c in Point.__mro__])
