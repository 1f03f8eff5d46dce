# big int arithmetic mixed with floats and small ints, true division results, negative powers.
a = 3**100
print(a, a * a // a == a, a - a, -a + 1, a % 1000, abs(-a) == a, a / 3**98, 2**-2, (-2)**-3, 0**0)
print(2**64 / 2**32, (10**20) / 4, 10**30 / 10**29, 7 / 2, -7 / 2, (2**100 + 1) / 2**100)
print(1e10 + 2**70, 2**70 * 0.5, float(2**1000) > 1e300, int(1e20) == 10**20, 10**20 // 3.0)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__)
try:
    10**400 / 1
except OverflowError as e:
    print(type(e).__name__)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__)
