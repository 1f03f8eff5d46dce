# A dict-like class supporting get/set/del/contains/len/iter via special methods.
class Registry:
    def __init__(self):
        self._keys = []
        self._vals = []
    def __setitem__(self, k, v):
        if k in self._keys:
            self._vals[self._keys.index(k)] = v
        else:
            self._keys.append(k)
            self._vals.append(v)
    def __getitem__(self, k):
        if k not in self._keys:
            raise KeyError(k)
        return self._vals[self._keys.index(k)]
    def __delitem__(self, k):
        i = self._keys.index(k)
        del self._keys[i]
        del self._vals[i]
    def __contains__(self, k):
        return k in self._keys
    def __len__(self):
        return len(self._keys)
    def __iter__(self):
        return iter(self._keys)
r = Registry()
r["a"] = 1
r["b"] = 2
r["a"] = 3
del r["b"]
print(len(r), list(r), r["a"], "b" in r)
try:
    r["zz"]
except KeyError as e:
    print("KeyError", e.args)
