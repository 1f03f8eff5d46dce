# repr of floats round-trips; simple values print the same everywhere.
for x in [0.0, 1.0, -2.5, 0.5, 0.125, 100.0, 1e22, 1e-5, 123.456, 1.5e300, 3.0e-300]:
    print(repr(x), float(repr(x)) == x)
for x in [0.1, 1 / 3, 2 / 3, 1e16 / 3, 3.141592653589793]:
    print(float(repr(x)) == x)
print(1e16, 1e15, 0.0001, 1e-7, 12345678.0)
print(str(1.0), str(-0.0), 2.0 * 3)
