# center with fill characters and odd widths, splitlines with keepends.
print(repr("ab".center(5)), repr("ab".center(5, "*")), repr("abc".center(6, "-")), repr("abc".center(2)))
print(repr("".center(3, "x")), repr("a".center(0)))
print("a\nb\r\nc\rd".splitlines(), "a\nb\r\nc\rd\n".splitlines(True))
print("".splitlines(), "\n".splitlines(), "x\n\ny".splitlines(), "line".splitlines(keepends=True))
try:
    "a".center(5, "xy")
except TypeError as e:
    print(type(e).__name__)
