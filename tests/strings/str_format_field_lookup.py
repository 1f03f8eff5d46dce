# str.format fields with item and attribute lookup. MicroPython proper does not implement these
# (documented difference); micropython-rs follows CPython.
print("{0[1]} {d[key]}".format([10, 20], d={"key": "v"}))
class P:
    x = 5
print("{0.x} {p.x}".format(P(), p=P()))
