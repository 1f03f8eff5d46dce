# hashing and equality across int, float, bool and big ints; dict keys unify equal numbers.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2**40) == hash(float(2**40)), hash(-1) == hash(-1.0), hash(1.5) == hash(1.5))
print(hash(2**100) == hash(float(2**100)), 2**100 == float(2**100), 2**53 + 1 == float(2**53 + 1))
d = {1: "int"}; d[1.0] = "float"; d[True] = "bool"; print(d)
s = {0, 0.0, False, -0.0}; print(len(s))
print(1 == 1.0, 1 < 1.5, 2**64 > 1.8e19, -(2**64) < -1.8e19, 10**400 > 1e308, float("inf") > 10**400, 1 == True)
print(float("nan") == float("nan"), float("nan") != 1, 3 < float("nan"), sorted([3, 1.5, True, 2**65, -0.5]))
