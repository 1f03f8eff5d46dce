# Each call of a generator function makes an independent iterator.
def count(start):
    while True:
        yield start
        start += 1
a = count(0)
b = count(100)
print(next(a), next(a), next(b), next(a), next(b))
c = count(0)
print(next(c), next(a))
