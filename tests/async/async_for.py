# async for uses __aiter__/__anext__ and stops at StopAsyncIteration; break and else work.
from run_helper import Yield, run
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Yield("tick")
        self.i += 1
        return self.i
async def main():
    got = []
    async for t in Ticker(3):
        got.append(t)
    else:
        got.append("else")
    async for t in Ticker(10):
        if t == 2:
            break
    got.append(t)
    return got
print(run(main()))
