# default hash/eq are identity based: equal only to itself, usable in sets and as dict keys.
class K:
    pass
a, b = K(), K()
s = {a, b, a}
d = {a: 1}
print(len(s), a in s, d[a], a == a, a == b, a != b, hash(a) == hash(a))
try:
    d[b]
except KeyError:
    print("KeyError")
