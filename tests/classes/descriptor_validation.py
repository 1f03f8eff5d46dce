# a validating descriptor with per-instance storage, __set_name__, __delete__ and class access.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.key = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return "<Typed %s>" % self.kind.__name__
        return getattr(obj, self.key)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.key[1:], self.kind.__name__))
        setattr(obj, self.key, value)
    def __delete__(self, obj):
        print("delete", self.key)
        delattr(obj, self.key)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("ann", 30)
print(p.name, p.age, Person.name, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print(e.args)
del p.age
print(hasattr(p, "_age"))
