# Malformed f-strings are SyntaxErrors.
sources = ['f"{"', 'f"}"', 'f"{x"', 'f"{x!z}"', "f'{a b}'"]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
