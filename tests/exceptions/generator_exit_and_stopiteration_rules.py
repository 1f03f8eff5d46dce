# StopIteration raised inside a generator becomes RuntimeError; GeneratorExit is a BaseException.
def g():
    yield 1
    raise StopIteration("leak")
it = g()
next(it)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", type(e.__cause__).__name__ if e.__cause__ else None)
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException), issubclass(KeyboardInterrupt, Exception))
