# Multiple inheritance and C3 method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print([c.__name__ for c in D.__mro__])
print(D().who())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Z, Y): pass
print([c.__name__ for c in W.__mro__])
class O: pass
class E(O): pass
class F(O): pass
class G(E, F): pass
class H(F, E): pass
print([c.__name__ for c in G.__mro__], [c.__name__ for c in H.__mro__])
