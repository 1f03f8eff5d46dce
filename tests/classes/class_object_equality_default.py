# Default equality is identity; default ordering is undefined.
class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a is a)
try:
    a < b
except TypeError:
    print("TypeError ordering")
print(a in [b, a], [a].count(a), [a, b].index(b))
