# containers mutated while iterated (dict values, list growth, set growth error), copies, nested updates,
# inverted dicts, ordering of dict keys in min/max/sorted, dict equality forms.
d = dict.fromkeys(range(5), 0)
for k in d:
    d[k] += k
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError:
    print("RuntimeError set changed")
l = [1, 2, 3]
for x in l:
    if x < 3:
        l.append(x + 10)
print(l)
m = {"a": 1}
m2 = m.copy(); m2["b"] = 2
print(m, m2, m == m2, sorted(m2.keys() - m.keys()))
nested = {"x": {"y": {"z": 1}}}
nested["x"]["y"]["z"] += 1
print(nested, nested.get("x", {}).get("q", "none"))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, dict(sorted(inv.items(), reverse=True)))
print(list({3: 0, 1: 0, 2: 0}), sorted({3: 0, 1: 0}), min({"b": 1, "a": 2}), max({"b": 1, "a": 2}.values()))
print(dict(a=1) == dict([("a", 1)]) == {"a": 1}, {1: 2}.items() == {(1, 2)}, len({}.fromkeys("aab")))
