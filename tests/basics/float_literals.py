# Float literal forms including exponents and underscores.
print(1.0, 1., .5, 0.25)
print(1e3, 1E3, 1e-3, 2.5e+2)
print(1_000.5, 1e1_0)
print(3.0 == 3, 0.5 + 0.25)
print(type(1e3).__name__, type(10).__name__)
print(float("1.5"), float("-2.25"), float("  3  "))
print(1.5e300 * 1e10 > 1e300)
