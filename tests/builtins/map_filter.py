# map and filter with functions, lambdas, None and several iterables.
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(list(map(len, ["a", "bb", ""])), sum(map(int, "123")))
