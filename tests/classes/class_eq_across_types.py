# __eq__ between different user classes: the subclass's reflected method is tried first.
class A:
    def __eq__(self, o):
        return "A.eq"
class B(A):
    def __eq__(self, o):
        return "B.eq"
class C:
    pass
print(A() == B(), B() == A(), A() == C(), C() == A(), C() == C(), A() != B())
print([A()] == [A()], (A(),) == (C(),))
