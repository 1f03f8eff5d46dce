# Exceptions raised in __init__ and in property getters reach the caller.
class Checked:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative")
        self.v = v
    @property
    def inverse(self):
        return 1 / self.v
try:
    Checked(-1)
except ValueError as e:
    print("init", e.args)
c = Checked(0)
try:
    c.inverse
except ZeroDivisionError:
    print("ZeroDivisionError in property")
print(Checked(4).inverse)
