# cooperative __init__ through a diamond with **kwargs passing; each class consumes its own keyword.
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        if kw:
            raise TypeError("unused: %s" % sorted(kw))
class Left(Base):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.left = left
        self.log.append("Left")
class Right(Base):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.right = right
        self.log.append("Right")
class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Both")
x = Both(left=1, right=2)
print(x.left, x.right, x.log, [c.__name__ for c in Both.__mro__])
try:
    Both(left=1, other=3)
except TypeError as e:
    print(e.args)
