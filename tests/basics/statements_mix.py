# basic statement forms: chained assignment aliasing, assignment order with
# targets depending on earlier ones, tuple forms, and/or values, for/while else, truthiness.
x = y = z = []
x.append(1)
print(y, z is x)
a, b = b, a = 1, 2
print(a, b)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
t = 1,
print(t, (), (1), type((1)).__name__)
print([] or "empty", 0 or None, 1 and 2, None and 1, "" or [] or 0)
if not []: print("falsy list")
n = None
print(n is None, n == None, not n)
print(1 if True else 2, (lambda: 3)() if False else 4)
s = 0
for i in range(5): s += i
else: print("loop else", s)
while False: pass
else: print("while else")
assert isinstance(print, object)
print(type(print).__name__ in ("builtin_function_or_method", "function"))
