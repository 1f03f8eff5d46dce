# list idioms: sort with key, index with negative bounds, count of nested lists, slice replacement,
# empty ranges, nested list copies, stacks and rotation, sorting mixed numbers, transposition.
l = [5, 2, 8]
l.sort(key=lambda x: -x)
print(l, sorted(l) is not l, l.copy() == l)
print([1, 2, 3].index(3, -1), [1, 2, 3].index(1, -10, 10), [1, 2].count([1]), [[1]].count([1]))
a = [1, 2, 3, 4, 5]
a[1:4] = a[3:0:-1] if False else [9]
print(a)
print(list(range(0)), list(range(-3)), list(range(3, 0)), list(range(0, -6, -2)))
m = [[0] * 3 for _ in range(2)]
m[1][2] = 7
print(m, [row[:] for row in m] == m, sum(map(sum, m)))
stack = []
stack.append(1); stack.append(2); stack += [3]
print(stack.pop(), stack, stack[-1], stack[::-1] == list(reversed(stack)))
q = [1, 2, 3]
q.insert(0, q.pop())
print(q, q.index(3), 3 in q, q * 0, q and "nonempty")
print(sorted([0.5, -1, 3, 2**65, -2**65, True]), list(zip(*[[1, 2, 3], [4, 5, 6]])))
