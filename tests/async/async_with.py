# async with calls __aenter__/__aexit__ (awaited), passes exceptions to __aexit__ and can suppress them.
from run_helper import Yield, run
class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Yield("enter " + self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Yield("exit " + self.name)
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress
async def main():
    async with Res("a") as v:
        print("body", v)
    async with Res("b", suppress=True):
        raise KeyError("x")
    try:
        async with Res("c"):
            raise KeyError("y")
    except KeyError as e:
        print("escaped", e.args)
    async with Res("d") as d1, Res("e") as e1:
        print("both", d1, e1)
    return "ok"
print(run(main()))
