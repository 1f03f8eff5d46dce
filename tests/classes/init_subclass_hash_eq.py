class B:
    def __init_subclass__(cls, **kw):
        print('sub', cls.__name__, sorted(kw.items()))
class C(B, k=1, j=2): pass
class D(C): pass
try:
    class E(k=1): pass
except TypeError as e:
    print('TypeError')
class Q:
    def __eq__(self, o): return True
print(Q.__hash__ is None)
try: hash(Q())
except TypeError as e: print(e)
class H(Q):
    def __hash__(self): return 7
print(hash(H()), Q() == 1, {H(): 1}[H()])
class R:
    pass
print(R.__hash__ is None)
