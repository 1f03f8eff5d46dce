# A memoizing closure keeps a cache dict alive between calls.
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped, cache
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib, fib_cache = memoize(slow_fib)
print(fib(80))
print(len(fib_cache))
