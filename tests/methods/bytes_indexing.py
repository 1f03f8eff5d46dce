# bytes indexing gives ints, slicing gives bytes; comparisons, concatenation and repetition.
b = b"\x00\x7f\x80\xff"
print(b[0], b[-1], b[1:3], b[1:], list(b), len(b))
print(b + b"!", b * 2, b"" * 3, b"ab" < b"b", b"a" == bytearray(b"a"), b"ab" in b"cab", 255 in b)
print(repr(b), repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"))
for bad in [lambda: b[4], lambda: b + "s", lambda: b"a" < "a"]:
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__)
