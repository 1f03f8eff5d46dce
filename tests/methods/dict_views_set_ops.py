# keys and items views are set-like: set operators with sets and other views, and set equality.
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 3, "z": 0}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | {"q"}), sorted(d.keys() - e.keys()), sorted(d.keys() ^ e.keys()))
print(sorted(d.items() & e.items()), sorted(d.items() - {("a", 1)}), sorted({"a", "x"} & d.keys()), sorted({"x"} | d.keys()))
print(d.keys() == {"a", "b", "c"}, d.keys() == e.keys(), {"a": 0, "b": 0, "c": 0}.keys() == d.keys(), d.keys() != {"a"})
print(d.keys() <= {"a", "b", "c", "d"}, d.keys() < {"a"}, d.items() == {("a", 1), ("b", 2), ("c", 3)}, type(d.keys() & e.keys()).__name__)
try:
    d.values() & {1}
except TypeError as ex:
    print(type(ex).__name__)
