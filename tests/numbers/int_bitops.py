# Bitwise operators on positive, negative and big integers.
print(12 & 10, 12 | 10, 12 ^ 10, ~12, -12 & 0xFF)
print(-1 & 0xFFFF, -8 >> 1, -1 >> 10, -9 >> 2, 1 << 0)
print(-5 & -3, -5 | 3, -5 ^ 3, ~-1)
big = (1 << 100) | 1
print(big & 0xF, big >> 99, (big ^ (1 << 100)), -big & 0xFF)
print(0b1100 << 3, 255 >> 4)
try:
    1 << -1
except ValueError:
    print("ValueError negative shift")
try:
    1 >> -1
except ValueError:
    print("ValueError negative right shift")
