# Slice assignment and deletion, including extended slices.
a = list(range(6))
a[1:3] = ["a", "b", "c"]; print(a)
a[:0] = [-1]; print(a)
a[len(a):] = [99]; print(a)
a[2:5] = []; print(a)
a[::2] = [0] * len(a[::2]); print(a)
a[:] = "xyz"; print(a)
try:
    a[::2] = [1]
except ValueError:
    print("ValueError extended slice size")
b = list(range(10))
del b[::3]; print(b)
del b[-2:]; print(b)
b[1:1] = (7, 8); print(b)
b[-1:] = range(2); print(b)
