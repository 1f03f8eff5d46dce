# sorted with key and reverse, stability under reverse, on various iterables; errors.
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted({3: 1, 1: 2}), sorted("hello", reverse=True), sorted(range(5), key=lambda x: -x), sorted([]))
print(sorted([3, 1, 2], key=None), sorted((2.5, 1, True)))
for bad in [lambda: sorted([1, "a"]), lambda: sorted(5), lambda: sorted([1], key=5)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
