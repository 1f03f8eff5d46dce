# sum with start values.
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(5), start=100))
print(sum([0.5, 0.5]), sum([[1], [2]], []), sum((x for x in range(4)), -6))
try:
    sum(["a", "b"])
except TypeError:
    print("TypeError sum str")
