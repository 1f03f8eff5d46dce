# Unclosed brackets and incomplete expressions are SyntaxErrors.
sources = ["x = (1, 2", "x = [1, 2", "x = {1: 2", "x = 1 +", "f(", "x = )", "(]"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
