# async def makes a coroutine object; await on awaitables; the return value arrives in StopIteration.
from run_helper import Yield, run
async def add(a, b):
    await Yield("step")
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y
c = main()
print(type(c).__name__ in ("coroutine", "generator"), hasattr(c, "send"), hasattr(c, "throw"), hasattr(c, "close"))
print(run(c))
print(run(add(5, 6)))
