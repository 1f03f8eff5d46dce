# A pipeline of generators: source, map, filter, windowing and reduction.
def source(n):
    state = 1
    for _ in range(n):
        state = (state * 48271) % 2147483647
        yield state


def scaled(values):
    for v in values:
        yield v % 1000


def odd_only(values):
    for v in values:
        if v & 1:
            yield v


def pairs(values):
    previous = None
    for v in values:
        if previous is not None:
            yield previous, v
        previous = v


def differences(values):
    for a, b in pairs(values):
        yield a - b if a > b else b - a


total = 0
count = 0
for d in differences(odd_only(scaled(source(2000000)))):
    total += d
    count += 1
squares = sum(x * x for x in range(400000) if x % 3)
print("generators_pipeline", count, total, squares)
