# the builtin exception hierarchy MicroPython provides.
names = ["ArithmeticError", "AssertionError", "AttributeError", "EOFError", "GeneratorExit", "ImportError",
         "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
         "NameError", "NotImplementedError", "OSError", "OverflowError", "RuntimeError", "StopAsyncIteration",
         "StopIteration", "SyntaxError", "SystemExit", "TypeError", "UnicodeError", "ValueError", "ZeroDivisionError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    parents = [p for p in ("Exception", "LookupError", "ArithmeticError", "ValueError", "SyntaxError", "RuntimeError")
               if issubclass(cls, getattr(builtins, p)) and p != n]
    print(n, issubclass(cls, BaseException), parents)
