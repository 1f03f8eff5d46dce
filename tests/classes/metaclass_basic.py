# metaclass= given a callable: it receives (name, bases, namespace) and its result is bound to the name.
def upper_attrs(name, bases, ns):
    fixed = {k if k.startswith("__") else k.upper(): v for k, v in ns.items()}
    fixed["made_by"] = "upper_attrs"
    return type(name, bases, fixed)
class Config(metaclass=upper_attrs):
    host = "localhost"
    port = 80
    def describe(self):
        return "%s:%d" % (self.HOST, self.PORT)
print(Config.HOST, Config.PORT, Config.made_by, hasattr(Config, "host"), Config().DESCRIBE())
def not_a_class(name, bases, ns):
    return [name, len(bases), sorted(k for k in ns if not k.startswith("__"))]
class Thing(int, metaclass=not_a_class):
    a = 1
    b = 2
print(Thing)
class Base:
    pass
class Explicit(Base, metaclass=type):
    pass
print(type(Explicit).__name__, Explicit.__bases__[0].__name__)
