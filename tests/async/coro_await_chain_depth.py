# deep chains of awaits pass the driver's sent values down and return values up.
from run_helper import Yield, run
async def leaf(tag):
    got = await Yield(tag)
    return (tag, got)
async def level(n):
    if n == 0:
        return [await leaf("leaf")]
    return [n] + await level(n - 1)
print(run(level(5), ["reply"]))
