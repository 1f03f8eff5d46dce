# getattr/setattr/hasattr/delattr with properties, __getattr__, and builtin objects.
class P:
    @property
    def ro(self):
        return "ro"
    def __getattr__(self, n):
        if n == "dyn":
            return "dynamic"
        raise AttributeError(n)
p = P()
print(getattr(p, "ro"), getattr(p, "dyn"), hasattr(p, "nope"), getattr(p, "nope", 0), getattr([], "append").__name__)
setattr(p, "new", 1); print(p.new, hasattr(p, "new"))
for bad in [lambda: setattr(p, "ro", 1), lambda: setattr([], "x", 1), lambda: delattr(p, "zz"), lambda: getattr(p, "zz")]:
    try:
        bad()
    except AttributeError as e:
        print(type(e).__name__)
