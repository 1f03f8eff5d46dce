# an async iterator whose __anext__ awaits other coroutines; nested async for loops.
from run_helper import Yield, run
class Pages:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        await Yield("fetch %d" % self.i)
        return ["p%d-%d" % (self.i, k) for k in range(2)]
async def main():
    rows = []
    async for page in Pages(2):
        async for _ in Pages(1):
            rows.extend(page)
    return rows
result, suspended = run(main())
print(result, suspended)
