# dict: keys() snapshot via list(), deleting while iterating over a copy, setdefault building groups.
d = {i: i * i for i in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for c in "mississippi":
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()), max(counts, key=counts.get))
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__)
