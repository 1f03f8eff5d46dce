# A minimal driver for coroutines, the way asyncio's event loop drives them with send().
class Yield:
    """An awaitable that suspends once, handing `value` to the driver."""
    def __init__(self, value=None):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
def run(coro, replies=None):
    """Drive `coro` to completion; return (result, list of values it suspended with)."""
    seen = []
    reply = None
    while True:
        try:
            out = coro.send(reply)
        except StopIteration as e:
            return e.value, seen
        seen.append(out)
        reply = replies.pop(0) if replies else None
