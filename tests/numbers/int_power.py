# Integer powers, negative exponents and three-argument pow.
print(2 ** 10, (-2) ** 3, 0 ** 0, 5 ** 1, 1 ** 1000)
print(2 ** -1, 10 ** -2)
print(pow(3, 4), pow(2, 10, 1000), pow(7, 128, 13), pow(2 ** 70, 3, 10 ** 9 + 7))
print(pow(-3, 3, 5))
try:
    0 ** -1
except ZeroDivisionError:
    print("ZeroDivisionError")
