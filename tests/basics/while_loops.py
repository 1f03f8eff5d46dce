# while with break, continue and else.
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not reached")
n = 3
while n:
    n -= 1
else:
    print("else ran", n)
total = 0
while True:
    total += 1
    if total == 5:
        break
print(total)
