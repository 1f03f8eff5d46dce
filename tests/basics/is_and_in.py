# Identity and membership operators.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(1 in a, 3 in a, 3 not in a)
print("ell" in "hello", "z" in "hello", "" in "x")
print(2 in {1: 0, 2: 0}, 0 in {1: 0})
print(5 in range(0, 10, 5), 6 in range(0, 10, 5))
print((1, 2) in [(1, 2)], b"b" in b"abc")
print(None is None, True is True)
