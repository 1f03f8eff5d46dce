# Importing missing modules and names raises ImportError.
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__ in ("ImportError", "ModuleNotFoundError"), isinstance(e, ImportError))
try:
    from modtool_helper import no_such_name
except ImportError:
    print("ImportError name")
try:
    from sys import no_such_attribute
except ImportError:
    print("ImportError sys attribute")
