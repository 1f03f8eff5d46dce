# close() raises GeneratorExit inside the generator.
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = with_cleanup()
print(next(g))
g.close()
print("closed")
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = catches_exit()
next(g)
g.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad()
next(g)
try:
    g.close()
except RuntimeError:
    print("RuntimeError yield in close")
fresh = with_cleanup()
fresh.close()
print("fresh close ok")
