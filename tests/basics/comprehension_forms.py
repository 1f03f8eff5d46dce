# comprehensions: nested loops, several ifs, conditional expressions, nested comprehensions, dict/set.
print([x * y for x in range(1, 4) for y in range(x) if y % 2 == 0 if x > 1])
print([[j for j in range(i)] for i in range(4)], [x if x % 2 else -x for x in range(5)])
print({k: v for k, v in zip("abc", range(3)) if v}, sorted({c.upper() for c in "hello"}))
print([(i, j) for i in range(3) for j in range(i, 3)], sum(x for x in range(10) if x % 3 == 0))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in row], [[r[i] for r in matrix] for i in range(3)])
