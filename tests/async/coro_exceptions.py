# exceptions raised inside awaited coroutines propagate through await to the caller's try/except.
from run_helper import Yield, run
async def fails(n):
    await Yield(n)
    raise ValueError("bad %d" % n)
async def main():
    results = []
    for i in range(3):
        try:
            await fails(i)
        except ValueError as e:
            results.append(e.args[0])
    return results
print(run(main()))
async def uncaught():
    await fails(9)
try:
    run(uncaught())
except ValueError as e:
    print("outer", e.args)
