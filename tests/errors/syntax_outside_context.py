# return/yield outside functions and break/continue outside loops are SyntaxErrors.
sources = ["return 1", "yield 1", "break", "continue", "if True:\n    break\n",
           "def f():\n    break\n", "class C:\n    return 2\n", "def f():\n    for x in y:\n        pass\n    continue\n"]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
