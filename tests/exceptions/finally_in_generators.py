# finally in generators runs on close(), on exhaustion, and when an exception passes through.
def gen(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("cleanup")
log = []
g = gen(log); next(g); g.close(); print(log)
log = []
print(list(gen(log)), log)
def bad():
    try:
        yield 1
        raise ValueError("in gen")
    finally:
        print("gen finally")
try:
    for x in bad():
        print("got", x)
except ValueError as e:
    print("caught", e.args)
