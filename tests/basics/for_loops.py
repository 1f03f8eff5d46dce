# for over different iterables with else/break/continue.
for c in "abc":
    print(c, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k)
for i in range(3):
    pass
else:
    print("else", i)
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
for i in range(5):
    if i % 2 == 0:
        continue
    print("odd", i)
for _ in []:
    print("never")
else:
    print("empty else")
nested = []
for a in range(3):
    for b in range(3):
        if b > a:
            break
        nested.append((a, b))
print(nested)
