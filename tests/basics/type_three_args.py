# type(name, bases, dict) creates classes dynamically.
def greet(self):
    return "hello from " + type(self).__name__
Base = type("Base", (), {"greet": greet, "x": 1})
Child = type("Child", (Base,), {"x": 2})
c = Child()
print(Base.__name__, Child.__name__, c.greet(), c.x, Base().x, isinstance(c, Base))
print([k.__name__ for k in Child.__mro__])
