# property with getter, setter and deleter, via decorator and via call.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    def _get_f(self):
        return self._c * 9 // 5 + 32
    fahrenheit = property(_get_f)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e.args)
try:
    t.fahrenheit = 1
except AttributeError:
    print("AttributeError read-only")
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__)
