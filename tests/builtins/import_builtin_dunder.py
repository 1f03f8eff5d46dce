# __import__ returns the named module; builtins holds the builtin functions; missing modules raise ImportError.
m = __import__("sys")
print(m.__name__, __import__("collections").__name__)
import builtins
print(builtins.len is len, hasattr(builtins, "__build_class__"))
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(isinstance(e, ImportError))
