# sys attributes that CPython and MicroPython agree on.
import sys
print(sys.argv, type(sys.argv).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(type(sys.modules).__name__, "sys" in sys.modules)
print(sys.maxsize > 2 ** 30, sys.maxsize >= 2 ** 31 - 1)
print(sys.byteorder in ("little", "big"))
print(type(sys.implementation.name).__name__, sys.version_info[0], type(sys.version).__name__)
print(hasattr(sys.stdout, "write"), hasattr(sys, "exit"))
