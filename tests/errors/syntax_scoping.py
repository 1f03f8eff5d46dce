# Scope declarations that cannot be satisfied are SyntaxErrors.
sources = ["nonlocal x", "def f():\n    nonlocal x\n", "def f(a):\n    def g():\n        nonlocal b\n"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
