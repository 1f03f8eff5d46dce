# closing a suspended coroutine raises GeneratorExit at the await; finally clauses of every level run.
from run_helper import Yield
async def inner():
    try:
        await Yield("in")
    finally:
        print("inner finally")
async def outer():
    try:
        await inner()
    except GeneratorExit:
        print("outer saw GeneratorExit")
        raise
    finally:
        print("outer finally")
c = outer()
print(c.send(None))
c.close()
print("closed")
