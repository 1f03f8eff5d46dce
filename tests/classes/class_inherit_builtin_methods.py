# subclasses of list/dict/str/int keep builtin methods and can override them, with super().
class Stack(list):
    def push(self, x):
        self.append(x)
    def append(self, x):
        super().append(x * 10)
s = Stack([1]); s.push(2); s.extend([3]); print(s, len(s), s[1], isinstance(s, list))
class DefaultDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
dd = DefaultDict(a=1); print(dd["a"], dd["b"] if hasattr(dict, "__missing__") or True else None)
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob"); print(n.shout(), n + "x", n.capitalize() if hasattr(n, "capitalize") else n, len(n), n == "bob")
class Count(int):
    def double(self):
        return Count(self * 2)
c = Count(21); print(c.double(), c + 1, type(c + 1).__name__, type(c.double()).__name__)
