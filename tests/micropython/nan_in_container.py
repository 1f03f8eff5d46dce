# A float NaN is never equal to anything, not even the same object, as in MicroPython (whose
# equality check skips the identity shortcut for floats). CPython's containers check identity
# first, so there `nan in [nan]` is True and the counts below are 1.
nan = float("nan")
items = [nan]
print(nan in items, items.count(nan), nan == nan, {nan: 1}.get(nan))
try:
    items.index(nan)
except ValueError:
    print("ValueError")
