# complex numbers: mixed arithmetic with int/float, conjugate, abs, equality and hashing with reals.
z = 3 + 4j
print(z + 1, 2 * z, z / 2, z - 1.5, z * z, z ** 2, abs(z), z.conjugate(), z.real, z.imag, -z, +z)
print(complex(2) == 2, 2.0 == complex(2, 0), hash(complex(5, 0)) == hash(5), 1j * 1j, (1 + 1j) / (1 - 1j))
print(complex("1+2j"), complex(" 3j "), complex(1.5), complex(1, -1), complex(), repr(1j), repr(-1j), repr(complex(0, -0.0)))
for bad in [lambda: (1j) < (2j), lambda: complex("x"), lambda: int(1j), lambda: 1j // 1, lambda: 1j / 0]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__)
