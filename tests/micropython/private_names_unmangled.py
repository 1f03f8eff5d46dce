# Names with two leading underscores are not mangled inside class bodies, as in MicroPython
# (documented: "Private Class Members name mangling is not implemented"). CPython stores
# self.__balance as _Account__balance, and Sub().peek() would raise AttributeError there.
class Account:
    def __init__(self):
        self.__balance = 10
    def balance(self):
        return self.__balance
    def __helper(self):
        return "helper"
    def call_helper(self):
        return self.__helper()
a = Account()
print(a.balance(), a.call_helper(), hasattr(a, "_Account__balance"), hasattr(a, "__balance"))
class Sub(Account):
    def peek(self):
        return self.__balance
print(Sub().peek())
