# del on names, list items, slices, dict keys and attributes.
x = 5
del x
try:
    print(x)
except NameError:
    print("NameError")
lst = list(range(8))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[:1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e.args)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
print("deleted both")
