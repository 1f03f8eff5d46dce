# Assigning to and deleting extended list slices (step != 1). MicroPython proper raises
# NotImplementedError here (documented difference); micropython-rs follows CPython.
a = list(range(6))
a[::2] = ["x", "y", "z"]
print(a)
a[::-1] = range(6)
print(a)
try:
    a[::2] = [1]
except ValueError:
    print("ValueError extended slice size")
b = list(range(10))
del b[::3]
print(b)
del b[::-2]
print(b)
