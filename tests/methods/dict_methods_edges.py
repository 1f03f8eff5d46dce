# dict get/pop/popitem/setdefault/update/fromkeys edge cases and KeyError arguments.
d = {"a": 1, "b": 2}
print(d.get("z"), d.get("z", 0), d.pop("a"), d.pop("z", "dflt"), d)
print(d.setdefault("c", 3), d.setdefault("c", 4), d.setdefault("n"), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); d.update(); print(d)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
e = {1: "a", 2: "b", 3: "c"}
print(e.popitem(), e.popitem(), e)
print(dict(a=1), dict([(1, 2)], k=3), dict({1: 2}), dict(zip("ab", [1, 2])))
try:
    {}.pop("missing")
except KeyError as ex:
    print(type(ex).__name__, ex.args)
try:
    {}.popitem()
except KeyError as ex:
    print(type(ex).__name__)
for bad in [lambda: d.update([1]), lambda: dict([(1, 2, 3)]), lambda: {[]: 1}]:
    try:
        bad()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__)
