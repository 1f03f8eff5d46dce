# for/while else with break and continue, nested loops with flags, loop over mutated list copy.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("not reached")
items = [1, 2, 3, 4]
for x in items[:]:
    if x % 2:
        items.remove(x)
print(items)
for _ in []:
    pass
else:
    print("empty else")
