# Malformed literals are SyntaxErrors.
sources = ["'unterminated", '"""never closed', "0x", "0b2", "0o8", "09", "1e", "b'\u00e9'",
           "1.2.3", "x = 5a"]
# Misplaced underscores ("1_", "1__0") are left out: MicroPython's lexer accepts them (documented difference).
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
