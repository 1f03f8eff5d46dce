# bool as an int subclass: arithmetic, repr, isinstance, indexing and bit operations.
print(True + True, True * 10, -True, ~True, True / 2, True // 1, True & False, True | False, True ^ True, type(True ^ True).__name__)
print(isinstance(True, int), issubclass(bool, int), int(True), str(False), repr(True), [10, 20][True])
print(bool(0), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool(None), bool(()), bool({0: 0}))
print(sum([True, True, False]), max(True, 0), True == 1, False == 0.0, True != 1 == 1)
