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

# Keys and items views combine with any iterable, on either side (CPython's dict_keys
# __and__/__rand__ ...); a values view is not set-like.
d = {'a': 1, 'b': 2, 'c': 3}
print(sorted(d.keys() & ['a', 'c', 'z']))
print(sorted(['a', 'z'] & d.keys()))
print(sorted(d.keys() | ('z',)))
print(sorted(d.keys() - 'ab'))
print(sorted(['a', 'q'] - d.keys()))
print(sorted(d.keys() ^ iter(['a', 'q'])))
print(sorted(d.items() & [('a', 1), ('b', 9)]))
print(sorted(d.keys() | d.values(), key=str))
for bad in (lambda: d.keys() & 5, lambda: d.values() & d.values(), lambda: d.values() | ['a']):
    try:
        bad()
    except TypeError as e:
        print('TypeError')
