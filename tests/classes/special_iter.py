# __iter__ and __next__ drive for loops, unpacking and builtins.
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(4)
print(list(r), list(r))
a, b, *c = r
print(a, b, c)
print(sum(r), sorted(r, reverse=True), 4 in r, 5 in r)
print(dict(zip("abcd", r)))
