# Keys of many hashable types; equal keys of different numeric types collide.
d = {}
d[1] = "one"
d[1.5] = "float"
d["s"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[frozenset([1])] = "frozenset"
d[b"b"] = "bytes"
d[True] = "true overwrites 1"
print(len(d), d[1], d[None], d[frozenset({1})], d[b"b"], d[(1, 2)])
print(1.0 in d, 2 in d)
