# Insertion order is preserved through updates, deletions and re-insertions.
d = {}
for word in ["pear", "apple", "fig", "apple", "kiwi", "pear"]:
    d[word] = d.get(word, 0) + 1
print(d)
del d["apple"]
d["apple"] = 5
print(list(d.items()))
merged = {**{"z": 1, "y": 2}, **{"x": 3, "z": 4}}
print(merged)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
