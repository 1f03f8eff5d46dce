# Exact big-integer division, modulo and powers of ten.
a = 10 ** 40
b = 10 ** 20 + 7
print(a // b, a % b, (a // b) * b + a % b == a)
print(-a // b, -a % b, a // -b)
print((2 ** 127 - 1) % 1000000007, (3 ** 100) // (3 ** 98))
print(divmod(10 ** 25, 12345678901), pow(10, 30) == 10 ** 30)
