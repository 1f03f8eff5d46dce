# list.sort in place: key, reverse, stability, mixed errors.
a = [5, 2, 9, 1]
print(a.sort(), a)
a.sort(reverse=True); print(a)
words = ["banana", "Apple", "cherry", "apple"]
words.sort(); print(words)
words.sort(key=str.lower); print(words)
pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")]
pairs.sort(key=lambda p: p[0]); print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True); print(pairs)
big = [(i * 7919) % 101 for i in range(50)]
big.sort(); print(big[:10], big[-5:])
try:
    [3, "a", 1].sort()
except TypeError:
    print("TypeError")
