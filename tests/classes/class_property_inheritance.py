# Properties are inherited and can be overridden by subclasses.
class Shape:
    @property
    def area(self):
        return 0
    @property
    def label(self):
        return "%s(%s)" % (type(self).__name__, self.area)
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s * self.s
print(Shape().label, Sq(3).label, Sq(4).area)
