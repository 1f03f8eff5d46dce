# Arbitrary precision integers.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(50))
print(2 ** 100, -(2 ** 100), 2 ** 64 - 1)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7)
a = 123456789123456789123456789
b = 987654321987654321
print(a * b, a // b, a % b, a - b * 1000000000)
print(2 ** 200 > 2 ** 199, 2 ** 100 == 2 ** 100, (2 ** 100) >> 90, 1 << 80)
print(int("9" * 40) + 1, len(str(2 ** 1000)))
print(divmod(2 ** 70 + 5, 2 ** 35))
print(abs(-(3 ** 50)), -(3 ** 50) < 0, hash(2 ** 10) == hash(1024))
