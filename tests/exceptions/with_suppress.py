# __exit__ returning true suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("saw", exc_type.__name__, exc.args)
        return exc_type is not None and issubclass(exc_type, self.types)
with Suppress(KeyError):
    {}["missing"]
print("continued after suppression")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e.args)
def f():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return "after with"
print(f())
