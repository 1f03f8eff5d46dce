# any object whose __await__ returns an iterator is awaitable; await on a non-awaitable is a TypeError.
from run_helper import run
class Twice:
    def __await__(self):
        yield 1
        yield 2
        return "twice"
class ViaIter:
    def __await__(self):
        return iter([10, 20])
async def main():
    a = await Twice()
    b = await ViaIter()
    try:
        await 5
    except TypeError:
        print("TypeError")
    return a, b
print(run(main()))
