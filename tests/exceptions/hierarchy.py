# The builtin exception hierarchy via issubclass and catching by base.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (ArithmeticError, Exception),
    (LookupError, Exception), (ValueError, Exception), (TypeError, Exception),
    (NameError, Exception), (AttributeError, Exception), (StopIteration, Exception),
    (OSError, Exception), (RuntimeError, Exception), (NotImplementedError, RuntimeError),
    (ImportError, Exception), (AssertionError, Exception), (Exception, BaseException),
    (KeyboardInterrupt, BaseException), (SystemExit, BaseException), (GeneratorExit, BaseException),
    (KeyboardInterrupt, Exception), (SystemExit, Exception), (UnicodeError, ValueError),
    (IndentationError, SyntaxError), (MemoryError, Exception), (EOFError, Exception),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
try:
    {}["x"]
except LookupError as e:
    print("caught by base", type(e).__name__, isinstance(e, KeyError))
