# Manual iterators via iter()/next() on builtins and classes.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
it = iter("ab")
print(list(it), list(it))
d = {"x": 1, "y": 2}
print(list(iter(d)))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)))
print([x for x in Countdown(2)])
c = Countdown(1)
print(next(c), next(c, None))
counter = [0]
def calls():
    counter[0] += 1
    return counter[0]
print(list(iter(calls, 4)))
