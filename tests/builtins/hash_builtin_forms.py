# hash() of immutable values is stable within a run; mutable values are unhashable.
print(hash(5) == 5, hash(-1) == hash(-1), hash((1, 2)) == hash((1, 2)), hash("a") == hash("a"), hash(None) == hash(None))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(b"x") == hash(b"x"), hash(1.5) == hash(1.5), hash(True))
for bad in [[], {}, set(), bytearray(b"x"), ([],)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, type(bad).__name__)
