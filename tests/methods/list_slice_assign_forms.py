# list slice assignment that grows, shrinks, inserts, and assigns from iterables of any kind.
a = list(range(6))
a[1:3] = "xyz"; print(a)
a[2:2] = (7, 8); print(a)
a[-2:] = []; print(a)
a[:] = range(3); print(a)
a[5:10] = [9]; print(a)
a[-100:1] = ["start"]; print(a)
b = a
b[:] = [x for x in b if x != 9]; print(a is b, a)
try:
    a[0:1] = 5
except TypeError as e:
    print(type(e).__name__)
