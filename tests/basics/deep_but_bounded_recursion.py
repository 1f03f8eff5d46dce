# Recursion a few hundred frames deep works (well below any recursion limit).
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(300))
def build(n):
    return [] if n == 0 else [build(n - 1)]
def measure(x):
    return 0 if not x else 1 + measure(x[0])
print(measure(build(150)))
