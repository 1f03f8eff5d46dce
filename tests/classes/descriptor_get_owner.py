# __get__ receives (None, owner) on class access and (instance, owner) on instance access.
class Show:
    def __get__(self, obj, owner):
        return (obj is None, owner.__name__)
class Base:
    s = Show()
class Sub(Base):
    pass
print(Base.s, Sub.s, Base().s, Sub().s)
class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, owner=None):
        return self.v
class K:
    x = Const(1)
    @property
    def y(self):
        return self.x + 1
print(K.x, K().x, K().y, type(K.__dict__["y"]).__name__)
