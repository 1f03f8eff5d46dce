# del on list items and slices, negative indexes, out of range errors.
a = list(range(10))
del a[0]; del a[-1]; del a[2:4]; print(a)
del a[:2]; print(a)
del a[100:]; print(a)
del a[:]; print(a)
try:
    del a[0]
except IndexError as e:
    print(type(e).__name__)
