# Tuples as multiple return values and in swaps and comparisons.
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([3, 1, 4, 1, 5])
print(lo, hi, mean)
pairs = sorted([(2, "b"), (1, "z"), (2, "a")])
print(pairs)
a, b = 1, 2
a, b = b, a + b
print(a, b)
print(tuple(reversed((1, 2, 3))), (1, 2) + (3,), tuple())
