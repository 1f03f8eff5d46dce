# Tuple/list unpacking including nested and swapped targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q] = "pq"
print(p, q)
for i, (c, d) in enumerate([(1, 2), (3, 4)]):
    print(i, c, d)
try:
    a, b = 1, 2, 3
except ValueError:
    print("ValueError too many")
try:
    a, b, c = [1, 2]
except ValueError:
    print("ValueError too few")
k = v = 9
print(k, v)
