# __new__ controls instance creation.
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Tagged:
    def __new__(cls, tag):
        obj = object.__new__(cls)
        obj.tag = tag.upper()
        return obj
    def __init__(self, tag):
        self.orig = tag
t = Tagged("x")
print(t.tag, t.orig)
class MyInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(MyInt(21), isinstance(MyInt(1), int))
