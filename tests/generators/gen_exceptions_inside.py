# Exceptions raised in generator bodies propagate to the consumer.
def faulty():
    yield 1
    raise ValueError("inside generator")
g = faulty()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e.args)
try:
    next(g)
except StopIteration:
    print("finished")
def stop_inside():
    yield 1
    raise StopIteration
try:
    print(list(stop_inside()))
except RuntimeError:
    print("RuntimeError from StopIteration in generator")
