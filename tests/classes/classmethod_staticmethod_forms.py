# classmethod/staticmethod called on classes, instances and subclasses; alternate constructors.
class Date:
    def __init__(self, y, m):
        self.y, self.m = y, m
    @classmethod
    def parse(cls, s):
        y, m = s.split("-")
        return cls(int(y), int(m))
    @staticmethod
    def valid(m):
        return 1 <= m <= 12
    def __repr__(self):
        return "%s(%d, %d)" % (type(self).__name__, self.y, self.m)
class MyDate(Date):
    pass
print(Date.parse("2024-05"), MyDate.parse("1999-12"), Date(1, 1).parse("5-6"), Date.valid(13), Date(1, 1).valid(3))
sm = staticmethod(len); cm = classmethod(lambda cls: cls.__name__)
class X:
    s = sm
    c = cm
print(X.s("abc"), X().c(), X.c())
