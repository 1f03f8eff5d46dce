# assignment expressions in while loops, comprehensions (binding in the enclosing scope) and ifs.
data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
it = iter(data)
while (x := next(it, None)) is not None:
    if x > 4:
        print("big", x)
print([y for v in data if (y := v * 2) > 5], y)
total = 0
print([total := total + v for v in data], total)
