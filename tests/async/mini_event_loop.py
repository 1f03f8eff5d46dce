# a tiny asyncio-like loop: tasks suspend on sleep(ticks) awaitables; the loop resumes them in
# time order, as uasyncio's scheduler does with its task queue.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self
class Loop:
    def __init__(self):
        self.now, self.queue, self.log = 0, [], []
    def spawn(self, coro, name):
        self.queue.append((self.now, len(self.queue), name, coro))
    def run(self):
        results = {}
        while self.queue:
            self.queue.sort(key=lambda e: (e[0], e[1]))
            when, seq, name, coro = self.queue.pop(0)
            self.now = when
            try:
                req = coro.send(None)
            except StopIteration as e:
                results[name] = e.value
                continue
            self.queue.append((self.now + req.ticks, seq, name, coro))
        return results
loop = Loop()
async def worker(name, delays):
    for d in delays:
        loop.log.append((loop.now, name))
        await Sleep(d)
    return "%s done at %d" % (name, loop.now)
async def parent():
    r = await worker("inner", [1])
    loop.log.append((loop.now, "parent got " + r))
    return "parent"
loop.spawn(worker("a", [3, 1]), "a")
loop.spawn(worker("b", [1, 1, 1]), "b")
loop.spawn(parent(), "p")
print(loop.run())
print(loop.log)
