# An inner function that calls itself through the enclosing scope.
def count_leaves(tree):
    def walk(node):
        if isinstance(node, list):
            return sum(walk(child) for child in node)
        return 1
    return walk(tree)
print(count_leaves([1, [2, 3, [4]], [], 5]))
def make_fib():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
print(make_fib()(60))
