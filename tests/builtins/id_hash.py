# id is stable per object and distinct for live objects; hash is consistent with equality.
a = [1]
b = [1]
print(id(a) == id(a), id(a) == id(b), id(a) != id(b))
c = a
print(id(c) == id(a), type(id(a)).__name__)
print(hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)))
print(hash(True) == 1, hash(None) == hash(None), type(hash("x")).__name__)
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
