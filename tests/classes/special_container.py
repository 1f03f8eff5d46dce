# __len__, __getitem__ (with slices), __setitem__, __delitem__, __contains__.
class Seq:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return Seq(self.items[index])
        return self.items[index]
    def __setitem__(self, index, value):
        self.items[index] = value
    def __delitem__(self, index):
        del self.items[index]
    def __contains__(self, value):
        return value in self.items
    def __repr__(self):
        return "Seq(%r)" % (self.items,)
s = Seq(range(6))
print(len(s), s[0], s[-1], s[1:4], s[::2], s[::-1])
s[0] = 99
del s[1]
print(s, 99 in s, 1 in s, bool(s), bool(Seq([])))
print(list(s))
class Slicer:
    def __getitem__(self, key):
        return key
sl = Slicer()
print(sl[1:2], sl[::3], sl[1:2, 3], sl["k"])
