# a running generator cannot be re-entered; a finished one stays finished; gi_running-free checks.
def g():
    yield me.send(None) if False else 1
    yield next(me)
me = g()
print(next(me))
try:
    next(me)
except ValueError as e:
    print(type(e).__name__)
print(list(me))
def once():
    yield 1
o = once()
print(list(o), list(o), next(o, "done"))
