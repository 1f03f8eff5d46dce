# await inside expressions: arithmetic, list displays, conditionals, f-strings, call arguments, returns.
from run_helper import Yield, run
async def v(x):
    await Yield(x)
    return x
async def main():
    a = await v(1) + await v(2) * 3
    b = [await v(0), await v(1)]
    c = (await v("yes")) if a > 5 else "no"
    d = f"{await v(4)}-{await v(5)}"
    e = max(await v(3), await v(9))
    return a, b, c, d, e, await v("last")
print(run(main()))
