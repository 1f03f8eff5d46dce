# iterables whose __iter__ is a generator can be iterated again (iterators cannot); objects that are
# not iterable, or whose __iter__ returns a non-iterator, raise TypeError.
class Repeatable:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x
once = iter(range(2))
print(list(once), list(once))
r = Repeatable("ab")
print(list(r), list(r), [x + y for x in r for y in r])
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__)
class BadIter:
    def __iter__(self):
        return 5
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__)
