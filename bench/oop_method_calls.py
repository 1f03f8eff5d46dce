# Method-call heavy object-oriented code: shapes with virtual methods and properties.
class Shape:
    def __init__(self, scale):
        self.scale = scale

    def area(self):
        raise NotImplementedError

    def grow(self, k):
        self.scale += k
        return self

    @property
    def weight(self):
        return self.area() * 2


class Square(Shape):
    def area(self):
        return self.scale * self.scale


class Rect(Shape):
    def __init__(self, scale, ratio):
        super().__init__(scale)
        self.ratio = ratio

    def area(self):
        return self.scale * self.scale * self.ratio


class Tri(Square):
    def area(self):
        return super().area() // 2


class Accumulator:
    def __init__(self):
        self.total = 0
        self.calls = 0

    def add(self, shape):
        self.calls += 1
        self.total = (self.total + shape.weight) % 1000000007


shapes = [Square(1), Rect(2, 3), Tri(3), Square(4), Rect(1, 5), Tri(7)]
acc = Accumulator()
for step in range(150000):
    for shape in shapes:
        acc.add(shape.grow(1 if step % 2 == 0 else -1))
print("oop_method_calls", acc.calls, acc.total)
