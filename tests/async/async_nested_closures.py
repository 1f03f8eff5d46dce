# async functions as closures, methods, and lambdas returning coroutines; async inside classes.
from run_helper import Yield, run
def make(k):
    async def mul(x):
        await Yield()
        return x * k
    return mul
class Svc:
    def __init__(self, base):
        self.base = base
    async def get(self, off):
        await Yield(off)
        return self.base + off
    @staticmethod
    async def static():
        return "static"
async def main():
    triple = make(3)
    s = Svc(100)
    call = lambda: triple(2)
    return [await triple(5), await s.get(1), await Svc.static(), await call()]
print(run(main()))
