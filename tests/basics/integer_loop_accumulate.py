# Nested loops accumulate into different data structures.
table = []
for i in range(1, 5):
    row = []
    for j in range(1, 5):
        row.append(i * j)
    table.append(row)
for row in table:
    print(" ".join("%3d" % v for v in row))
print(sum(sum(r) for r in table), [table[i][i] for i in range(4)])
counts = {}
for n in range(1, 50):
    key = n % 7
    counts[key] = counts.get(key, 0) + n
print(counts)
