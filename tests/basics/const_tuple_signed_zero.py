# Constant tuples that compare equal but hold 0.0 and -0.0 (or NaN) must stay distinct
# constants: the compiler shares equal constant tuples only when they contain no float.
a = (0.0, 1)
b = (-0.0, 1)
print(a, b)
x = ((0.0,), 2)
y = ((-0.0,), 2)
print(x, y)
p = ("Float", 1)
q = ("Float", 1)
print(p, q, p == q)
n = (float("nan"),)
print(n)
# Floats mixed with ints, strings and nested tuples.
print((1, (2, (3, -0.0))), (1, (2, (3, 0.0))))
# del with a negative step removes the right items (indices visited from the top).
s = list(range(10))
del s[8:1:-3]
print(s)
t = list(range(10))
del t[1:9:3]
print(t)
