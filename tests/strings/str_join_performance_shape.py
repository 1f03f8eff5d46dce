# Building strings incrementally gives the same result as join.
pieces = [str(i) for i in range(30)]
acc = ""
for p in pieces:
    acc += p + ","
print(acc == ",".join(pieces) + ",", len(acc))
print("".join(reversed(pieces))[:20])
