# shifts crossing the small/big int boundary, negative numbers, and shifting back.
for n in [1, -1, 3, -3, 2**30 - 1, -(2**30), 2**62, -(2**62) - 1]:
    for s in [0, 1, 31, 32, 63, 64, 65, 100]:
        v = n << s
        assert v >> s == n
    print(n, n << 63, n >> 1, n >> 63, (n << 100) >> 99)
print(-1 >> 1, -2 >> 1, -3 >> 1, -(2**100) >> 99, -(2**100 + 1) >> 99, (2**100) >> 200)
