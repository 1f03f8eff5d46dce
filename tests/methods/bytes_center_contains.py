# bytes.center (as str.center) and `int in bytes` range checks.
for b in [b"", b"a", b"ab", b"abc"]:
    for w in range(0, 7):
        print(repr(b.center(w)), repr(b.center(w, b"*")), repr(bytearray(b).center(w, b"-")))
for bad in [b"", b"**", "*"]:
    try:
        b"x".center(5, bad)
    except TypeError as e:
        print("TypeError")
print(0 in b"\x00", 255 in b"\xff", 97 in b"abc", 98 in bytearray(b"b"), 1 in b"")
for n in [256, -1, 2**70]:
    try:
        print(n in b"\x00\xff")
    except ValueError as e:
        print("ValueError", e)
