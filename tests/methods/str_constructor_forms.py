# str() with objects, bytes with encoding, errors; str of str subclasses; repr of mixed quotes.
print(str(), str(5), str(None), str([1, "a"]), str(b"ab", "utf-8"), str(bytearray(b"x"), "utf-8"), str(str("s")))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\x00\x1f\x7f"), repr("tab\there"))
try:
    str(b"\xff", "utf-8")
except UnicodeError as e:
    print("UnicodeError")
try:
    str(5, "utf-8")
except TypeError as e:
    print(type(e).__name__)
