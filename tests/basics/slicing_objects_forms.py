# slice objects: indices(), attributes, use on lists and strings, negative steps on lists, assignment.
# (str/tuple slices with steps and stepped deletion are isolated elsewhere: MicroPython documents them as missing.)
s = slice(1, 8, 2)
print(s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
a = list(range(10))
print(a[s], "abcdefghij"[slice(2, 5)], a[slice(3)], a[::-3], a[-2::-2], a[8:2:-2], a[100:], a[-100:2])
a[slice(0, 3)] = ["x"]; print(a)
del a[1:3]; print(a)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__)
