# issubclass with tuples, builtin hierarchies, bool/int, exceptions; errors on non-classes.
class A: pass
class B(A): pass
print(issubclass(B, A), issubclass(A, B), issubclass(A, A), issubclass(B, (int, A)), issubclass(bool, int))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(int, object))
print(issubclass(type, object), issubclass(OSError, Exception), issubclass(StopIteration, Exception), issubclass(B, ()))
for bad in [lambda: issubclass(B(), A), lambda: issubclass(B, 5)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
