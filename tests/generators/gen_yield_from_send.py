# send and throw pass through yield from to the subgenerator.
def sub():
    got = []
    while len(got) < 3:
        try:
            value = yield len(got)
            got.append(value)
        except ValueError:
            got.append("err")
    return got
def delegator():
    result = yield from sub()
    yield ("done", result)
d = delegator()
print(next(d))
print(d.send("x"))
print(d.throw(ValueError))
print(d.send("z"))
