# MicroPython (and CPython 3.12+) print an OrderedDict as OrderedDict({...}).
from collections import OrderedDict

d = OrderedDict(b=2, a=1)
print(d)
print(repr(OrderedDict()))
d["c"] = 3
print(str(d), [d])


class MyDict(dict):
    pass


print(MyDict(x=1))
