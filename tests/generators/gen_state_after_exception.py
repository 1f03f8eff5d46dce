# a generator that raised is finished; close() on an unstarted or finished generator is a no-op.
def bad():
    yield 1
    raise ValueError("inside")
h = bad(); h.close(); print(next(h, "closed before start"))
g = bad(); print(next(g))
try:
    g.send(None)
except ValueError:
    print("raised; then", next(g, "finished"), next(g, "still finished"))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
k = ignores_exit(); next(k)
try:
    k.close()
except RuntimeError as e:
    print(type(e).__name__)
