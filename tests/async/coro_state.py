# a coroutine cannot be resumed after it finished; sending a value into a fresh one is a TypeError.
from run_helper import Yield
async def one():
    await Yield("x")
    return 1
c = one()
try:
    c.send(5)
except TypeError:
    print("TypeError on non-None first send")
c = one()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print("finished", e.value)
try:
    c.send(None)
except (StopIteration, RuntimeError) as e:
    print("exhausted")
