# Docstrings are not kept, as in MicroPython: functions and classes have no __doc__ attribute
# (CPython: "Adds." and "A point.").
def add(a, b):
    """Adds."""
    return a + b
class Point:
    """A point."""
print(add(1, 2), hasattr(add, "__doc__"), getattr(Point, "__doc__", "no doc"))
