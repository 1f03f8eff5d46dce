# __slots__ declared on a class: listed attributes work, values are per instance.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p, q = Point(1, 2), Point(3, 4)
p.x = 10
print(p.x, p.y, q.x, q.y, Point.__slots__)
class Sub(Point):
    def total(self):
        return self.x + self.y
print(Sub(5, 6).total())
