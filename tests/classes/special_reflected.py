# Reflected operators are tried when the left operand returns NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(%d)" % self.cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self.__add__(other)
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __rpow__(self, other):
        return other ** 2
print(Money(5) + Money(7))
print(10 + Money(5))
print(sum([Money(1), Money(2)]))
print(100 - Money(30))
print(3 ** Money(0))
try:
    Money(1) + "str"
except TypeError:
    print("TypeError")
