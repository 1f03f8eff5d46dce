# send() passes values into a suspended generator.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    yield received
g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(30))
g2 = echo()
try:
    g2.send(1)
except TypeError:
    print("TypeError send to fresh generator")
