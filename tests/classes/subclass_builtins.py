# Subclassing list, dict and str.
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s.peek(), len(s), list(s), isinstance(s, list))
class CountDict(dict):
    def add(self, key):
        self[key] = self.get(key, 0) + 1
c = CountDict()
for w in "abacab":
    c.add(w)
print(sorted(c.items()))
class Shout(str):
    def shout(self):
        return self.upper() + "!"
print(Shout("hey").shout(), Shout("a") + "b", len(Shout("abc")))
