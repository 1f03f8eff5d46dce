# __setattr__ and __delattr__ hooks, and object.__setattr__ to bypass them.
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1; print(l.a)
del l.a
try:
    l.a
except AttributeError as e:
    print(type(e).__name__)
class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(name)
try:
    ReadOnly().x = 1
except AttributeError as e:
    print(type(e).__name__, e.args)
