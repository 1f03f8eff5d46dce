# Comprehension variables do not leak; outer names are visible.
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
factor = 10
print([i * factor for i in range(3)])
def f():
    base = 5
    return [base + i for i in range(3)]
print(f())
class C:
    data = [1, 2, 3]
    doubled = [v * 2 for v in data]
print(C.doubled)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
print([y for y in [[1, 2]] for y in y])
