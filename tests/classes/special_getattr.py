# __getattr__ is called only for missing attributes; __setattr__/__delattr__ intercept writes.
class Dyn:
    existing = "real"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(name)
d = Dyn()
print(d.existing, d.x_hello)
try:
    d.other
except AttributeError:
    print("AttributeError other")
print(hasattr(d, "x_y"), hasattr(d, "zzz"), getattr(d, "zzz", "default"))
class Guarded:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
g = Guarded()
g.a = 5
print(g.a, g.log)
del g.a
print(g.log, hasattr(g, "a"))

# A property (or other descriptor) raising AttributeError falls back to __getattr__, as when
# CPython's __getattribute__ raises it; other exceptions propagate.
class Lazy:
    @property
    def missing(self):
        raise AttributeError('from property')

    @property
    def broken(self):
        raise KeyError('not an AttributeError')

    def __getattr__(self, name):
        return 'fallback for ' + name


z = Lazy()
print(z.missing)
print(getattr(z, 'missing'), hasattr(z, 'missing'))
try:
    z.broken
except KeyError as e:
    print('KeyError', e)


class NoFallback:
    @property
    def missing(self):
        raise AttributeError('from property')


try:
    NoFallback().missing
except AttributeError as e:
    print('AttributeError', e)
