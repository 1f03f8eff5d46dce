# Missing attributes raise AttributeError for instances, classes and modules.
class C:
    x = 1
c = C()
for target, name in [(c, "y"), (C, "y"), (5, "real_missing"), ("s", "nope")]:
    try:
        getattr(target, name)
    except AttributeError:
        print("AttributeError", name)
import sys
try:
    sys.not_an_attribute
except AttributeError:
    print("AttributeError module")
try:
    del c.x
except AttributeError:
    print("AttributeError del class attr via instance")
