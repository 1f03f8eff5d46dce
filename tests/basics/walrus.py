# Assignment expressions.
data = [1, 5, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5])
print(y)
i = 0
while (i := i + 1) < 4:
    print("loop", i)
print((a := 7) + a)
vals = []
def take():
    return vals.pop() if vals else None
vals = [1, 2, 3]
while (v := take()) is not None:
    print("took", v)
