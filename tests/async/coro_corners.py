# coroutine corner cases: close() before start, None results, return inside async with (runs
# __aexit__), continue/break in async for, errors for objects lacking the async protocols.
async def agen_free():
    return 1
def finish(coro, label):
    """Run a coroutine that never suspends and print what it returned."""
    try:
        coro.send(None)
    except StopIteration as e:
        print(label, e.value)
c = agen_free()
print(type(c).__name__ in ("coroutine", "generator"))
c.close()
async def returns_none():
    pass
finish(returns_none(), "value")
async def uses_with_return():
    class CM:
        async def __aenter__(self):
            return "res"
        async def __aexit__(self, *a):
            print("aexit", a[0])
    async with CM() as r:
        return r
finish(uses_with_return(), "returned")
async def loop_break():
    class It:
        def __init__(self): self.i = 0
        def __aiter__(self): return self
        async def __anext__(self):
            self.i += 1
            if self.i > 5: raise StopAsyncIteration
            return self.i
    total = 0
    async for v in It():
        if v == 2:
            continue
        if v == 4:
            break
        total += v
    return total
finish(loop_break(), "total")
class NotAsyncIter:
    pass
async def bad_for():
    async for x in NotAsyncIter():
        pass
try:
    bad_for().send(None)
except TypeError:
    print("TypeError async for")
async def bad_with():
    async with NotAsyncIter():
        pass
try:
    bad_with().send(None)
except (TypeError, AttributeError) as e:
    print("error async with", type(e).__name__ in ("TypeError", "AttributeError"))
