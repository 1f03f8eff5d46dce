# Subclassing `type` (class-based metaclasses) is not supported, as in MicroPython: defining the
# metaclass raises TypeError. CPython accepts it. Function metaclasses work (classes/metaclass_basic.py).
try:
    class Meta(type):
        pass
    print("defined")
except TypeError:
    print("TypeError")
