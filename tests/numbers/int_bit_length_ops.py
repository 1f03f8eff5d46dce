# bit_length on small, negative and big ints; bit operations mixing signs and sizes.
for n in [0, 1, -1, 7, 8, -8, 255, 256, 2**31, -(2**31), 2**62, 2**63, 2**64 - 1, -(2**100)]:
    print(n, n.bit_length())
a, b = 2**70 + 12345, -(2**65) - 7
print(a & b, a | b, a ^ b, ~a, ~b, -a & 0xFFFF, b >> 3, b << 5, a >> 100, b >> 100)
print(-7 & 3, -7 | 3, -7 ^ 3, 5 & -2, ~0, ~-1, -1 >> 1000, 1 << 100 >> 99)
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 & 1]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
