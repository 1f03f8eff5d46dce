# list copies are shallow: nested objects are shared; list() and [:] and copy() agree.
inner = [1]
a = [inner, 2]
for b in (a[:], list(a), a.copy(), [*a]):
    print(b == a, b is a, b[0] is inner)
grid = [[0] * 2] * 2
grid[0][0] = 5
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 5
print(grid)
