# Equal numbers hash equal; they collide as dict keys.
print(hash(1) == hash(1.0) == hash(True))
print(hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 40) == hash(float(2 ** 40)))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
s = {0, 0.0, False}
print(len(s))
print(hash(7) == hash(7), hash(-1) == hash(-1.0))
