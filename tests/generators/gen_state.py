# A running generator cannot be re-entered; locals persist between yields.
def selfref():
    yield gen_ref.__next__ is not None
    try:
        next(gen_ref)
    except ValueError:
        yield "ValueError re-entered"
gen_ref = selfref()
print(next(gen_ref))
print(next(gen_ref))
def locals_persist():
    total = 0
    for i in range(4):
        total += i
        yield total
print(list(locals_persist()))
