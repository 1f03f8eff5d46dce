# Bytes literals and escapes.
print(b"abc", B"xyz", b'single')
print(b"\x00\xff", len(b"\x00\xff"))
print(b"\n\t\\", list(b"\n\t\\"))
print(br"\x00", len(br"\x00"))
print(b"a" b"b")
print(b"abc"[0], b"abc"[-1], b"abc"[1:])
print(type(b"").__name__)
