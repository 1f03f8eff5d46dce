# A chain of nested yield from delegations several levels deep.
def leaf(n):
    for i in range(n):
        yield i
    return n
def level(depth, n):
    if depth == 0:
        result = yield from leaf(n)
    else:
        result = yield from level(depth - 1, n)
    return result + 1
g = level(20, 3)
print(list(g))
def collect():
    final = yield from level(10, 2)
    yield "final=%d" % final
print(list(collect()))
