# center and splitlines.
print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]", "[" + "abc".center(2) + "]")
print("a\nb\r\nc".splitlines())
print("a\nb\n".splitlines(), "".splitlines())
print("one\ntwo".splitlines(True))
