# __getitem__/__setitem__/__delitem__/__len__/__contains__/__iter__/__reversed__ on a user sequence.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __reversed__(self):
        return iter(self.items[::-1])
    def __repr__(self):
        return "Seq%r" % (tuple(self.items),)
s = Seq(1, 2, 3, 4)
s[0] = 10; del s[1]; print(s, len(s), 3 in s, 9 in s, s[1:], s[-1], list(reversed(s)))
print(list(s), [x * 2 for x in s], sorted(s), sum(s), max(s))
class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(OldIter()), 4 in OldIter(), 5 in OldIter())
