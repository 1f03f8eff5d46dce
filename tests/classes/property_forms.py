# property objects: fget/fset/fdel attributes, getter()/setter() returning new properties,
# extending a base class property in a subclass, and property() called with keywords.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
class Sub(Base):
    @Base.v.setter
    def v(self, value):
        self._v = value * 10
s = Sub(); s.v = 2
print(s.v, Base().v, Sub.v is not Base.v, Base.v.fset, Sub.v.fset is not None, Sub.v.fdel)
try:
    b = Base(); b.v = 5
except AttributeError as e:
    print(type(e).__name__)
def getx(self):
    return "x"
p = property(fget=getx)
q = p.setter(lambda self, v: None)
print(p is q, p.fget is getx, q.fget is getx, p.fset, type(q).__name__)
class K:
    x = q
k = K(); k.x = 3; print(k.x, type(K.x).__name__)
