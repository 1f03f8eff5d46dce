# vars() of instances/classes/modules, dir() of objects contains attributes, setattr/delattr/hasattr.
class C:
    cls_attr = 1
    def meth(self):
        pass
c = C()
c.inst = 2
print(vars(c), "cls_attr" in vars(C), "meth" in dir(c), "inst" in dir(c), "cls_attr" in dir(C))
setattr(c, "dyn", 3); print(c.dyn, hasattr(c, "dyn"), getattr(c, "missing", "default"))
delattr(c, "dyn"); print(hasattr(c, "dyn"))
import sys
print("argv" in dir(sys), vars(c) is c.__dict__)
for bad in [lambda: vars(5), lambda: delattr(c, "nope"), lambda: setattr(5, "x", 1), lambda: getattr(c, 5)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
