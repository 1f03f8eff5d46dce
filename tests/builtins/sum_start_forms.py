# sum with start values (ints, floats, lists via start), generators; strings rejected.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(()), sum(range(101)))
print(sum((x * x for x in range(4))), sum([1, 2.5]), sum([2**64, 2**64]), sum([True, True]), sum([], start=5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__)
