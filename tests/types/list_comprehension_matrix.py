# Matrix operations with nested lists.
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
product = [[sum(a[i][k] * b[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(product)
transposed = [list(row) for row in zip(*a)]
print(transposed)
flat = [x for row in product for x in row]
print(flat, max(flat), flat.index(max(flat)))
