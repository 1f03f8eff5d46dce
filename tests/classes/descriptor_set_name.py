# __set_name__ is called with the owner class and attribute name when the class is created.
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset-" + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
class Rec:
    a = Field()
    b = Field()
r = Rec()
print(Rec.a.name, Rec.b.name, Rec.a.owner, r.a)
r.a = 5; print(r.a, r.b, r.__dict__)
