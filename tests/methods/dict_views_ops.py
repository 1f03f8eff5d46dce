# dict views: membership, len, iteration order, live updates, equality.
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
d["c"] = 3
print(list(k), list(v), list(i), len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
del d["a"]
print(list(k), sorted(v), list(i))
print(list(reversed(list(d))), list({}.items()))
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__)
