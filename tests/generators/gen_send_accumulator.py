# generator-based coroutine: priming with next(), send() values, running average, close().
def averager():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("finished", e.value)
