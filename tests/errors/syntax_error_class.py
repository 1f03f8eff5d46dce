# SyntaxError is catchable and sits in the exception hierarchy.
print(issubclass(SyntaxError, Exception), issubclass(IndentationError, SyntaxError))
try:
    raise SyntaxError("hand made")
except SyntaxError as e:
    print(type(e).__name__, e.args[0])
try:
    eval("1 +* 2")
except Exception as e:
    print(type(e).__name__, isinstance(e, SyntaxError))
