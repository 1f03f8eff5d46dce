# shortest round-trip repr for many floats.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0, 1e-5, 1e-4, 5e-324, 1.7976931348623157e308,
        100.0, 1e22, 1e23, 0.000123, 12345678901234567890.0, -0.0, 2.5e-7, 9007199254740993.0, 3.0e10]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print(repr(1.0), repr(-1.5), repr(1e100), 1e-7, 1.5e300 * 1e10)
