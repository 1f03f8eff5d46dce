# enumerate with start; zip with unequal lengths and unzipping.
print(list(enumerate("abc")), list(enumerate("ab", 1)), list(enumerate([], 5)))
print(list(enumerate("xy", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])))
print(list(zip(range(3), range(3, 6), range(6, 9))))
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
e = enumerate("q")
print(next(e), next(e, "done"))
