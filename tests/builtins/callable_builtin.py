# callable on functions, classes, instances, methods, builtins.
class C:
    def m(self):
        pass
class F:
    def __call__(self):
        pass
print(callable(len), callable(C), callable(C()), callable(C().m), callable(F()))
print(callable(lambda: 0), callable(None), callable("str"), callable(print), callable(int))
