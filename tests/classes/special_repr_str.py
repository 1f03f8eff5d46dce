# __repr__ and __str__ used by print, str, repr, f-strings and containers.
class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both-str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<1>"
b = Both()
r = ReprOnly()
print(b, repr(b), str(b))
print(r, str(r))
print([b, r])
print(f"{b} {b!r} {r}")
print("%s %r" % (b, b))
print((b,), {"k": r})
