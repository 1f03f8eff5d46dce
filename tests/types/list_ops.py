# list concatenation, repetition, comparison, membership and nesting.
a = [1, 2]
print(a + [3], a * 2, 2 * a, [] * 5, [0] * 3)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [])
print(2 in a, 5 not in a)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5; print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 9; print(shared)
a += (5, 6); print(a)
a *= 2; print(a)
try:
    a + (1,)
except TypeError:
    print("TypeError list + tuple")
