# Imports inside try/except for optional modules, a common MicroPython idiom.
try:
    import no_such_optional_module as impl
    source = "optional"
except ImportError:
    import math as impl
    source = "fallback"
print(source, impl.floor(3.5))
