# Membership in a range is arithmetic for ints and floats, whatever the range's length: these
# must answer at once (a fuzzer found `x in range(10**12)` walking the range for big ints).
big = range(10**12)
print(10**11 in big, 10**12 in big, 10**23 in big, -(10**23) in big, -1 in big)
# (Floats are compared arithmetically here; CPython walks the range for them, so keep it short.)
print(2.0 in range(5), 2.5 in range(5), float("inf") in range(9), float("nan") in range(9))
print(True in range(2), False in range(1, 3), 3 in range(10, 0, -7), 4 in range(10, 0, -7))
print((10**12 - 1) in big, "x" in range(3), None in range(3))
r = range(-5, 5, 3)
print([i for i in range(-8, 8) if i in r], [i + 0.5 in r for i in range(-6, 6)])
