# a round-robin scheduler over several coroutines, as an event loop interleaves tasks.
from run_helper import Yield
async def worker(name, n, log):
    for i in range(n):
        log.append("%s%d" % (name, i))
        await Yield()
    return name * n
def scheduler(coros):
    results, queue = {}, list(enumerate(coros))
    while queue:
        idx, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
    return [results[i] for i in range(len(coros))]
log = []
print(scheduler([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)
