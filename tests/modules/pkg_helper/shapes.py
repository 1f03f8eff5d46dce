# Submodule of pkg_helper; exposes only some names to `import *` through __all__.
__all__ = ["square", "area", "PERIMETER_NAME"]
PERIMETER_NAME = "perimeter"
def area(w, h):
    return w * h
def square(s):
    return area(s, s)
def _private():
    return "hidden"
