# Unexpected indents and inconsistent dedents raise IndentationError (a SyntaxError subclass).
sources = ["  x = 1\n", "if 1:\n    a = 1\n  b = 2\n", "def f():\n    x = 1\n      y = 2\n"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__, isinstance(e, SyntaxError))
# A missing indented block is a SyntaxError in both (CPython uses the IndentationError subclass).
for src in ["def f():\nreturn 1\n", "if 1:\nx = 1\n", "for i in x:\n"]:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), "SyntaxError family")
