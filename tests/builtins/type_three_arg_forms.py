# type(name, bases, dict) builds classes with methods, inheritance and class attributes.
def greet(self):
    return "hi " + self.name
Base = type("Base", (), {"name": "base", "greet": greet})
Sub = type("Sub", (Base,), {"name": "sub", "extra": lambda self: 42})
print(Base().greet(), Sub().greet(), Sub().extra(), Sub.__name__, Sub.__bases__[0] is Base, issubclass(Sub, Base))
print(type(Sub()).__name__, isinstance(Sub(), Base), type(Base) is type, type(5) is int, type("") is str)
E = type("E", (Exception,), {})
try:
    raise E("x")
except Exception as e:
    print(type(e).__name__, e.args)
for bad in [lambda: type("X", 5, {}), lambda: type("X", (), 5), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
