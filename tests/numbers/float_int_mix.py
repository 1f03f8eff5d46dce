# Mixed int/float operations and conversions between them.
print(3 * 1.5, 3 // 1.5, 3 % 1.5, 2 ** 0.5 > 1.41, 4 ** 0.5)
print(10 / 4, 10 // 4, 10 // 4.0, -10 // 4.0)
print(float(2 ** 60), int(float(2 ** 60)) == 2 ** 60)
print(1e3 == 1000, int(1e3), 0.5 < 1, 1.0 in [1])
print(sum([0.5, 0.25, 1]), max(2, 1.5), min(2, 1.5))
print(float(7) / 2, 7 / float(2))
