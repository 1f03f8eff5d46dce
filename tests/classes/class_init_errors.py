# Calling a class with wrong arguments raises TypeError.
class Needs:
    def __init__(self, a, b=1):
        self.a, self.b = a, b
for args in [(), (1,), (1, 2), (1, 2, 3)]:
    try:
        n = Needs(*args)
        print("ok", n.a, n.b)
    except TypeError:
        print("TypeError for", len(args), "args")
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError:
    print("TypeError __init__ returned value")
