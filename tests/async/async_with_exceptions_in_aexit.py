# async with: an exception raised in __aexit__ replaces the body's; __aenter__ errors skip the body.
from run_helper import Yield, run
class Raises:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        raise RuntimeError("from aexit")
class BadEnter:
    async def __aenter__(self):
        raise KeyError("enter failed")
    async def __aexit__(self, *exc):
        print("never")
async def main():
    try:
        async with Raises():
            raise ValueError("body")
    except RuntimeError as e:
        print("caught", e.args)
    try:
        async with BadEnter():
            print("body skipped?")
    except KeyError as e:
        print("enter error", e.args)
    return "end"
print(run(main()))
