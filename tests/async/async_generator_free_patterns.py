# awaiting inside loops, comprehensions over awaited results, try/finally around await, early return.
from run_helper import Yield, run
async def value(v):
    await Yield(v)
    return v * 10
async def main():
    out = []
    for i in range(3):
        out.append(await value(i))
    doubled = [x * 2 for x in out]
    try:
        await value(99)
        return out, doubled
    finally:
        print("finally ran")
print(run(main()))
