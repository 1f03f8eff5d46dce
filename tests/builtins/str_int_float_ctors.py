# Constructor forms of str, int, float, bool and their defaults.
print(repr(str()), int(), float(), bool(), list(), tuple(), dict(), len(set()))
print(int("10", base=16), int("42"), float(3), str(3.0), bool([0]))
print(int(-0.9), int("  -0 "), float("  -1.25e1 "), str(-0))
print(int("0b11", 2), int("0o11", 8), int("0x11", 16))
print(list("ab"), tuple([1, 2]), dict([("a", 1)]), dict(a=1, b=2), sorted(set("aab")))
