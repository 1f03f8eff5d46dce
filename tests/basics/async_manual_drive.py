# async def / await: a coroutine driven by hand with send(None) until StopIteration.
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield "suspended"
        return self.value
async def add(a, b):
    x = await Ready(a)
    y = await Ready(b)
    return x + y
async def main():
    first = await add(1, 2)
    second = await add(first, 10)
    return [first, second]
coro = main()
steps = 0
while True:
    try:
        coro.send(None)
        steps += 1
    except StopIteration as e:
        print("result", e.value, "steps", steps)
        break
