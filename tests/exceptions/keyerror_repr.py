# KeyError str/repr quote the key; other exceptions with one argument show it plainly.
for e in [KeyError("k"), KeyError(1), KeyError(), KeyError("a", "b"), ValueError("v"), ValueError(), IndexError(3)]:
    print(repr(str(e)), repr(e))
try:
    {}["missing"]
except KeyError as e:
    print(e.args, str(e))
