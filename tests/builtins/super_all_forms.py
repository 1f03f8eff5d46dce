# super() zero-arg, super(Class, self), super(Class, cls) in classmethods, chains through the MRO.
class A:
    def who(self):
        return ["A"]
    @classmethod
    def make(cls):
        return "A.make(%s)" % cls.__name__
class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def make(cls):
        return "B>" + super().make()
class C(A):
    def who(self):
        return ["C"] + super(C, self).who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), D.make(), B.make(), super(B, D()).who(), super(D, D()).who())
class E(D):
    def who(self):
        f = lambda: super(E, self).who()
        return ["E"] + f()
print(E().who(), [k.__name__ for k in E.__mro__])
