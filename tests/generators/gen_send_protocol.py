# A coroutine-style generator parsing a stream of tokens pushed with send().
def parser():
    result = []
    current = None
    while True:
        token = yield
        if token == "end":
            break
        if token == "(":
            current = []
        elif token == ")":
            result.append(tuple(current))
            current = None
        else:
            current.append(token)
    yield result
p = parser()
next(p)
for tok in ["(", "a", "b", ")", "(", "c", ")"]:
    p.send(tok)
print(p.send("end"))
