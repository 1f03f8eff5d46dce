# What __aexit__ raises while handling the body's exception gets it as __context__, as with a
# plain `with`; a suppressed exception is no longer "being handled" afterwards.


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


class Raising:
    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        raise ValueError("in aexit")


class Suppressing:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        self.log.append(t.__name__ if t else None)
        return True


async def context_from_body():
    try:
        async with Raising():
            raise KeyError("body")
    except ValueError as e:
        print(repr(e), repr(e.__context__))


async def suppressed_then_raise():
    log = []
    async with Suppressing(log):
        raise KeyError("swallowed")
    print("after", log)
    try:
        raise IndexError("later")
    except IndexError as e:
        print("context after suppress:", repr(e.__context__))


async def nested():
    try:
        async with Raising():
            async with Suppressing([]):
                raise KeyError("inner")
            raise TypeError("outer body")
    except ValueError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))


async def in_except_handler():
    try:
        raise OSError("handled")
    except OSError:
        try:
            async with Raising():
                raise KeyError("body")
        except ValueError as e:
            print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
        try:
            raise IndexError("still in handler")
        except IndexError as e:
            print("handler context restored:", repr(e.__context__))


async def return_value():
    async with Suppressing([]):
        return "returned"


run(context_from_body())
run(suppressed_then_raise())
run(nested())
run(in_except_handler())
print(run(return_value()))
