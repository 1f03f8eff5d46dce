# NotImplemented from __eq__/__lt__/__add__ falls back to the reflected method, then to defaults or TypeError.
class A:
    def __eq__(self, o):
        print("A.eq")
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
    def __add__(self, o):
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.eq")
        return True
    def __gt__(self, o):
        return "B.gt"
    def __radd__(self, o):
        return "B.radd"
a, b = A(), B()
print(a == b, a < b, a + b)
print(A() == A(), A() != A())
try:
    a + 1
except TypeError as e:
    print(type(e).__name__)
print(NotImplemented, type(NotImplemented).__name__)
