# Augmented assignment on attributes and subscripts evaluates the target once.
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 4
b.v *= 3
print(b.v)
lst = [1, 2, 3]
lst[1] += 10
lst[-1] **= 2
print(lst)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 5
print(d)
calls = []
def idx():
    calls.append(1)
    return 0
lst[idx()] += 100
print(lst, len(calls))
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
a = [1]
alias = a
a += [2]
print(alias, a is alias)
