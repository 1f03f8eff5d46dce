# yield from over lists, strings, ranges, dict keys and other generators; return values pass up.
def flat(x):
    if isinstance(x, list):
        for y in x:
            yield from flat(y)
    else:
        yield x
print(list(flat([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(2), {"k": 1}, (x * x for x in range(3)))))
def sub():
    yield 1
    return "sub-result"
def top():
    r = yield from sub()
    yield r
print(list(top()))
