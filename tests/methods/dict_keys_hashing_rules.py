# dict keys: equal values of different types collide; tuples of hashables; unhashable key errors.
d = {}
d[1] = "int"; d[1.0] = "float"; d[(1, 2)] = "tuple"; d[frozenset([1])] = "fs"; d["1"] = "str"; d[None] = "none"
print(d, len(d))
print(d[True], d[(1, 2)], d[frozenset({1})], None in d, 2 in d)
for bad in [[1], {1: 2}, {1}, (1, [2])]:
    try:
        d[bad] = 1
    except TypeError as e:
        print(type(e).__name__)
