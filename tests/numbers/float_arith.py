# Float arithmetic with exactly representable values.
print(1.5 + 2.25, 10.0 - 0.5, 2.5 * 4, 7.0 / 2, 7.0 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 2.0 ** 10, 2 ** 0.5 * 2 ** 0.5 > 1.99)
print(1 / 2, 3 / 3, type(4 / 2).__name__, 1 + 2.0, type(1 + 2.0).__name__)
print(divmod(7.5, 2), 0.5 == 1 / 2, abs(-2.5))
print(round(0.1 + 0.2, 10), 0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-15)
print(float(10), float(-0), -0.0 == 0.0)
