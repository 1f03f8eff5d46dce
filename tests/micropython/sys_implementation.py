# sys.implementation.name is "micropython" here and "cpython" in CPython: a deliberate difference.
import sys
print(sys.implementation.name)
print(type(sys.implementation.version).__name__, len(sys.implementation.version) >= 3)
