# bool is an int subclass.
print(True + 1, False * 5, True / 2, -True, ~True)
print(isinstance(True, int), issubclass(bool, int), type(True).__name__)
print(True == 1, False == 0, True is not None)
print(sum([True, True, False]), int(True), float(False))
# Bitwise operators on two bools are left out: MicroPython returns int there, CPython bool.
print(True & 3, 1 | True, str(True), repr(False))
print(bool("False"), bool(0.0), bool(-0.0))
