# int() parsing: bases, prefixes with base 0, underscores, whitespace and signs, and errors.
print(int("  42  "), int("-0"), int("+7"), int("1_000"), int("0x1f", 16), int("0x1f", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("777", 8), int("1010", 2), int("-ff", 16), int("0", 0), int("10", 0))
print(int("123456789012345678901234567890"), int("-" + "9" * 30) + 1, int(b"12"), int(True), int(2.9e5))
for bad in ["", " ", "1 2", "0x", "12a", "_1", "1__0", "08", "0b2"]:
    try:
        print(int(bad, 0) if bad in ("08", "0b2") else int(bad))
    except ValueError as e:
        print(type(e).__name__, repr(bad))
for bad in [lambda: int("1", 1), lambda: int("1", 37), lambda: int(None), lambda: int([]), lambda: int(1, 10)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
