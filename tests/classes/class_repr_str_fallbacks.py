# str() falls back to __repr__; print uses __str__; containers use __repr__ of items.
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
class Both:
    def __repr__(self):
        return "B-repr"
    def __str__(self):
        return "B-str"
print(str(R()), repr(R()), [R()], str(S()), str(Both()), repr(Both()), [Both()], (Both(),), {1: Both()})
print("%s %r" % (Both(), Both()), "{} {!r}".format(Both(), Both()), f"{Both()} {Both()!r}")
class Bad:
    def __repr__(self):
        return 5
try:
    repr(Bad())
except TypeError as e:
    print(type(e).__name__)
