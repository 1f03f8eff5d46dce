# throw() raises inside the coroutine at its await; handled or propagated; close() runs finally.
from run_helper import Yield
async def guarded():
    try:
        await Yield("waiting")
    except ValueError as e:
        print("caught", e.args)
        await Yield("recovered")
        return "done"
    finally:
        print("finally")
c = guarded()
print(c.send(None))
print(c.throw(ValueError("boom")))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
c2 = guarded()
c2.send(None)
c2.close()
c3 = guarded()
c3.send(None)
try:
    c3.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e.args)
