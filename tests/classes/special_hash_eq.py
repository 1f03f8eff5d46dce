# __hash__ and __eq__ make instances usable as dict keys and set members.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d)
s = {Key(1), Key(1), Key(2)}
print(len(s))
class ExplicitlyUnhashable:
    __hash__ = None
try:
    hash(ExplicitlyUnhashable())
    print("hashable")
except TypeError:
    print("TypeError unhashable")
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p == Plain())
