# chr and ord, including non-ASCII and errors.
print(chr(65), chr(97), chr(48), chr(0x263A), chr(0x10FFFF) == "\U0010ffff")
print(ord("A"), ord("z"), ord(" "), ord("\n"), ord("€"), ord(b"a"))
print("".join(chr(ord(c) + 1) for c in "HAL"))
for bad in [lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
