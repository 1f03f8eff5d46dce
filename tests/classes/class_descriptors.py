# Descriptors implementing __get__ and __set__.
class Typed:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("wrong type")
        obj.__dict__[self.name] = value
class Item:
    qty = Typed("qty", int)
i = Item()
print(i.qty)
i.qty = 5
print(i.qty)
try:
    i.qty = "x"
except TypeError as e:
    print("TypeError", e.args)
print(type(Item.qty).__name__)
