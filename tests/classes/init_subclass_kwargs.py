# __init_subclass__ runs for each subclass (implicit classmethod), with class keyword arguments.
registry = []
class Plugin:
    def __init_subclass__(cls, kind="default", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        registry.append(cls.__name__)
class A(Plugin):
    pass
class B(Plugin, kind="special"):
    pass
class C(B):
    pass
print(registry, A.kind, B.kind, C.kind)
try:
    class D(Plugin, unknown=1, kind="x"):
        pass
except TypeError as e:
    print(type(e).__name__)
