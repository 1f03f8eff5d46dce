# Generators combined with zip, enumerate, map and filter.
def letters():
    yield from "abcde"
def numbers():
    n = 1
    while True:
        yield n
        n *= 2
print(list(zip(letters(), numbers())))
print(list(enumerate(letters(), 10))[:2])
print(list(map(lambda p: p[0] * p[1], zip(numbers(), range(5)))))
print(list(filter(lambda c: c in "aeiou", letters())))
