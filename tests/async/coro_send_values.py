# values sent into a suspended coroutine come back as the result of the awaited expression.
from run_helper import Yield, run
async def ask(q):
    answer = await Yield(q)
    return q + "=" + str(answer)
async def dialog():
    a = await ask("x")
    b = await ask("y")
    return [a, b]
print(run(dialog(), [1, 2]))
