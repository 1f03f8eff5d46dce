# super() with zero and two arguments, in methods, classmethods and __init__.
class Base:
    def __init__(self):
        self.log = ["Base.__init__"]
    def m(self):
        return "Base.m"
    @classmethod
    def cm(cls):
        return "Base.cm(" + cls.__name__ + ")"
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid.__init__")
    def m(self):
        return "Mid.m>" + super().m()
    @classmethod
    def cm(cls):
        return "Mid.cm>" + super().cm()
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__()
        self.log.append("Leaf.__init__")
    def m(self):
        return "Leaf.m>" + super(Leaf, self).m()
    def skip(self):
        return super(Mid, self).m()
obj = Leaf()
print(obj.log)
print(obj.m())
print(obj.skip())
print(Leaf.cm())
print(super(Mid, obj).m())
