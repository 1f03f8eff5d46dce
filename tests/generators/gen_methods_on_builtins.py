# builtins consuming generators: sorted, min, max, sum, tuple, dict, set, str.join, enumerate, zip.
def nums():
    yield from [5, 3, 9, 1]
print(sorted(nums()), min(nums()), max(nums()), sum(nums()), tuple(nums()), sorted(set(nums())))
print(dict((str(n), n) for n in nums()), "-".join(str(n) for n in nums()), list(enumerate(nums(), 1)))
print(list(zip(nums(), "abc")), list(map(lambda a, b: a + b, nums(), nums())), list(filter(None, (0, 1, 0, 2))))
print(max((x for x in []), default="empty"), min([], default=None), max("abc", key=lambda c: -ord(c)))
