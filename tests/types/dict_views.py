# keys/values/items views are live and support iteration and membership.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(list(k), list(v), list(it))
d["c"] = 3
print(list(k), list(v), list(it), len(k))
print("a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
for key, value in d.items():
    print(key, value)
print(sorted(d.values(), reverse=True), list(map(str, d)))
