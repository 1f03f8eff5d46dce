# int() with base 0 infers the base from the prefix.
for text in ["0x1f", "0o17", "0b101", "42", "-0x10", "0X1F", "  0b11  "]:
    print(repr(text), int(text, 0))
for text in ["08", "0x", "1f"]:
    try:
        int(text, 0)
    except ValueError:
        print("ValueError", repr(text))
