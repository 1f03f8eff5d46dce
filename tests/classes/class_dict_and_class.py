# __dict__ of instances and classes, __class__, __name__, __qualname__ and __module__ of classes and functions.
class Outer:
    x = 1
    class Inner:
        def meth(self):
            pass
    def method(self):
        def local():
            pass
        return local
o = Outer(); o.y = 2
print(o.__dict__, "x" in Outer.__dict__, o.__class__ is Outer, o.__class__.__name__)
print(Outer.__name__, Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.method.__name__, Outer.Inner.meth.__qualname__)
print(o.method().__name__, o.method().__qualname__, Outer.__module__, len.__name__, type(o).__qualname__)
o.__dict__["z"] = 3; print(o.z, sorted(vars(o)))
