# Misplaced keywords and malformed statements.
sources = ["else: pass", "try:\n    pass\n", "class", "def f:\n    pass\n", "if x = 1:\n    pass\n",
           "for in range(3):\n    pass\n", "while:\n    pass\n", "import", "from x import", "x = = 1",
           "print 'x'", "a.1", "@decorator\nx = 1\n", "def f(a=1, b):\n    pass\n", "f(a=1, 2)",
           "with:\n    pass\n", "lambda x: return x", "x = 1 if 2", "elif 1: pass", "except: pass"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
