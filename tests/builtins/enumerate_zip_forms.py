# enumerate with start (including negative and keyword), zip with no/one/many iterables, unequal lengths.
print(list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate([])), list(zip()), list(zip("ab")))
print(list(zip("abc", [1, 2], (True, False, None))), dict(zip(range(3), "xyz")), list(zip(*[(1, 2), (3, 4)])))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"), iter(e) is e)
z = zip([1], [2]); print(iter(z) is z, list(z), list(z))
