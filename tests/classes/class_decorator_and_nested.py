# Class decorators and classes defined inside functions.
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class First:
    pass
@register
class Second:
    pass
print(registry)
def make_class(base_value):
    class Local:
        value = base_value
        def get(self):
            return self.value
    return Local
K1 = make_class(1)
K2 = make_class(2)
print(K1().get(), K2().get(), K1 is K2)
class Outer:
    class Inner:
        x = "inner"
print(Outer.Inner.x, Outer.Inner().x)
