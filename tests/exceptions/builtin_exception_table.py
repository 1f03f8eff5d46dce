# A table of builtin exception objects: str, repr, args and the special attributes for several
# argument lists (OSError differs on purpose: micropython/oserror_forms.py).
names = ["Exception", "ValueError", "KeyError", "IndexError", "StopIteration", "SystemExit", "AssertionError",
         "AttributeError", "RuntimeError", "TypeError", "ZeroDivisionError", "NotImplementedError", "MemoryError", "NameError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    for args in [(), ("m",), (1, "two"), (None,)]:
        e = cls(*args)
        extra = []
        for attr in ("value", "code", "errno"):
            if hasattr(e, attr):
                extra.append((attr, getattr(e, attr)))
        print(n, args, repr(str(e)), repr(e), e.args, extra)
