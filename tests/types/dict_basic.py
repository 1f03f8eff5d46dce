# Dict creation, lookup, insertion order, update, deletion.
d = {"b": 1, "a": 2}
d["c"] = 3
print(d, list(d), len(d))
d["b"] = 10
print(d)
del d["a"]
d["a"] = 0
print(d)
print(dict(x=1, y=2), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("ab", range(2))))
print({1: "int", "1": "str", (1,): "tuple"})
print(d == {"c": 3, "a": 0, "b": 10}, {} == {}, {1: 2} != {1: 3})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e.args)
try:
    {[]: 1}
except TypeError:
    print("TypeError unhashable key")
