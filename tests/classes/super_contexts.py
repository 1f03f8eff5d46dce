# super() from nested functions, generators and comprehensions inside methods; object() arguments;
# super().__new__; an explicit @classmethod __init_subclass__; the __class__ cell.
class A:
    def items(self):
        return ["A"]
class B(A):
    def items(self):
        def inner():
            return super(B, self).items()
        return ["B"] + inner()
    def gen(self):
        yield from super().items()
        yield "B-gen"
    def comp(self):
        return [x + "!" for x in super().items()]
print(B().items(), list(B().gen()), B().comp())
class P:
    pass
try:
    P(1)
except TypeError:
    print("TypeError object() takes no args")
class N:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(N(5).x)
class Base:
    @classmethod
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.kw = kw
class C(Base, flag=True):
    pass
print(C.kw)
class WithClassCell:
    def who(self):
        return __class__.__name__
class Child(WithClassCell):
    pass
print(Child().who())
