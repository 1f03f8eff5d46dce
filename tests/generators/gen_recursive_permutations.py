# Recursive generators producing permutations and combinations.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p
print(["".join(p) for p in permutations("abc")])
def combinations(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for c in combinations(items[i + 1:], k - 1):
            yield [items[i]] + c
print(list(combinations([1, 2, 3, 4], 2)))
print(sum(1 for _ in permutations(list(range(5)))))
