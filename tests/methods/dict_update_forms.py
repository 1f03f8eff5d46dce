# dict() and update() from mappings, pairs, keywords and objects with keys(); | and |= merge.
class KV:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k * 2
print(dict(KV()), dict([("a", 1), ["b", 2]]), dict((("t", 0),)), dict({"m": 1}, m=2))
d = {"a": 1}; d.update(KV()); d.update(b=5); print(d)
print({"a": 1} | {"b": 2}, {"a": 1} | {"a": 3})
e = {"z": 0}; e |= {"y": 1}; e |= [("x", 2)]; print(e)
try:
    {} | [("a", 1)]
except TypeError as ex:
    print(type(ex).__name__)
