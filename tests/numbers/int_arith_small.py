# Small integer arithmetic at word-size boundaries where implementations switch representation.
edges = [2 ** 30 - 1, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64]
for e in edges:
    print(e + 1, e * 2, -e - 1, e * e, e // 3, e % 1000, e << 1, e >> 1)
print(sum(edges), (2 ** 63 - 1) + 1 == 2 ** 63, -(2 ** 63) - 1)
