# The classic C3 example with a six-level diamond lattice.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for cls in (K1, K2, K3, Z):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
try:
    class Bad(A, K1):
        pass
    print("no error")
except TypeError:
    print("TypeError inconsistent MRO")
