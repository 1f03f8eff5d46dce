# Floor division and modulo follow the sign of the divisor.
for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
print(-(2 ** 65) // 3, -(2 ** 65) % 3, (2 ** 65) % -3)
print(0 // 5, 0 % -5)
