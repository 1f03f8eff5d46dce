# map with several iterables (stops at the shortest), filter with None and functions, laziness.
print(list(map(pow, [2, 3], [3, 2, 9])), list(map(str, range(3))), list(filter(None, [0, "", "a", [], [0]])))
print(list(filter(lambda x: x % 2, range(7))), list(map(lambda *a: sum(a), [1], [2], [3])))
calls = []
m = map(lambda x: calls.append(x) or x, [1, 2, 3])
print(calls, next(m), calls)
for bad in [lambda: map(None), lambda: list(map(5, [1]))]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
