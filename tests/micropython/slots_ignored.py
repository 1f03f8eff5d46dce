# __slots__ is an ordinary class attribute, as in MicroPython: instances still get an attribute dict,
# so names not listed can be set too. CPython raises AttributeError for p.other and has no p.__dict__.
class P:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1
p = P()
try:
    p.other = 2
    print("set", p.other)
except AttributeError:
    print("AttributeError")
print(P.__slots__, hasattr(p, "__dict__"))
