# Set and dict comprehensions.
print(sorted({x % 4 for x in range(20)}))
print({k: k * k for k in range(5)})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({(i, j): i * j for i in range(2) for j in range(2) if i <= j})
