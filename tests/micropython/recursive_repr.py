# A container holding itself cannot be printed: repr recurses until the recursion limit, as in
# MicroPython (no cycle detection). CPython prints [1, [...]] and {'self': {...}}.
a = [1]
a.append(a)
try:
    print(a)
except RuntimeError:
    print("RuntimeError")
print(len(a), a[1] is a)
