# complex: imaginary literals, repr/str (signed zeros, inf, nan, exponents), attributes.
print(1j, 2.5J, 1e3j, 0j, 1_000j, .5j, 10j, 1e16j, 1e-5j, 123456789012345678j)
print(-1j, -0j, +1j, 1 + 2j, 1 - 2j, -1 - 2j, 1.5 + 0.25j, 1e20 + 1j, 3 - 0j)
print(repr(1 + 2j), str(1 + 2j), repr(-(1 + 2j)), str([1j, 2 + 3j]), (1j, 2j))
inf, nan = float("inf"), float("nan")
for re in (0.0, -0.0, 1.0, -2.5, inf, -inf, nan, 1e300, 1e-300):
    print([repr(complex(re, im)) for im in (0.0, -0.0, 1.0, -1.0, inf, -inf, nan)])
z = 3 + 4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), (1j).conjugate(), (-0j).conjugate())
print((5).real, (5).imag, (5).conjugate(), True.conjugate(), type(True.conjugate()).__name__)
print((2.5).real, (2.5).imag, (2.5).conjugate(), type((2.5).imag).__name__)
print(type(1j).__name__, type(1j) is complex, isinstance(1j, complex), isinstance(1, complex))
print(f"{1+2j}", "%s and %r" % (1j, -1j), "{}".format(2 - 1j))
print(bool(0j), bool(-0j), bool(1j), bool(1 + 0j), bool(complex(0, nan)))
print(1j == 1j, 1 + 0j == 1, 1 == 1 + 0j, 2.5 + 0j == 2.5, 1j == 1, 1j != 0, True == 1 + 0j)
print(2 ** 53 + 1 == complex(2 ** 53 + 1), 2 ** 53 == complex(2 ** 53), 10 ** 400 == 1j, "1j" == 1j)
print(complex(nan, 0) == complex(nan, 0), [1, 1j, 2.0].index(1j), 1j in [1, 2], 1 + 0j in {1: 2})
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j) == hash(-1), hash(0j) == 0)
print(hash(1 + 2j) == hash(complex(1, 2)), hash(1 + 2j), hash(-3.5 - 1e10j), hash(complex(inf, -inf)))
d = {1: "int", 2j: "complex"}
print(d[1 + 0j], d[complex(0, 2)], len({1, 1 + 0j, 1.0, 2j, 2j}))
