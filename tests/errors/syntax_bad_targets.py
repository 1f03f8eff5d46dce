# Assigning to things that are not targets is a SyntaxError.
sources = ["1 = x", "f() = 1", "'s' = 1", "a + b = 1", "del 1", "x + 1 += 2", "None = 1", "*a = 1",
           "a, *b, *c = [1, 2, 3]", "(a, b) += (1, 2)", "[x for x in y] = 1", "lambda: 1 = 2"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
