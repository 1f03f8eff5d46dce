# Dict equality ignores order; copies are shallow.
a = {"x": 1, "y": [1, 2]}
b = {"y": [1, 2], "x": 1}
print(a == b, list(a) == list(b))
c = a.copy()
c["y"].append(3)
c["x"] = 99
print(a, c)
print(dict(a) == a, dict(a) is a)
