# in-place operator methods (__iadd__ etc.) and the fallback to the plain operator.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return Acc(self.v - o)
    def __imul__(self, o):
        self.v *= o
        return self
class Plain:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Plain(self.v + o)
a = Acc(1); orig = a
a += 5; print(a is orig, a.v)
a -= 2; print(a is orig, a.v)
a *= 3; print(a.v)
p = Plain(1); orig = p
p += 1; print(p is orig, p.v)
try:
    p -= 1
except TypeError as e:
    print(type(e).__name__)
