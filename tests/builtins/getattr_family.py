# getattr/setattr/hasattr/delattr.
class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", "default"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b, getattr(o, "b"))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "missing")
except AttributeError:
    print("AttributeError getattr")
try:
    delattr(o, "missing")
except AttributeError:
    print("AttributeError delattr")
print(getattr([1, 2], "append") is not None, getattr(str, "upper")("x"))
setattr(O, "cls_attr", "on class")
print(o.cls_attr)
