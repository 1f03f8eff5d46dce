# Comparisons between ints, floats and bools, including big ints.
print(1 < 2, 2 <= 2, 3 > 4, 1 == 1.0, 1 == True, 0 == False)
print(2 ** 64 > 2 ** 63, 2 ** 64 == 18446744073709551616, -(2 ** 64) < 0)
print(10 ** 20 > 1e19, 10 ** 20 < 1e21, 2 ** 53 + 1 > 2.0 ** 53)
print(max(1, 2.5, True), min(-1, -1.5), sorted([3, 1.5, True, 0]))
