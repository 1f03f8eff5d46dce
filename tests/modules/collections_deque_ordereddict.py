# collections.deque and OrderedDict basics.
from collections import deque, OrderedDict
d = deque((), 10)
d.append(1); d.append(2); d.appendleft(0)
print(d.popleft(), d.pop(), len(d), d.popleft(), len(d))
try:
    d.pop()
except IndexError:
    print("IndexError")
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
print(list(od.keys()), list(od.items()))
