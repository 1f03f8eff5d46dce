# encode/decode round trips and errors for invalid UTF-8 (MicroPython raises UnicodeError itself, CPython a subclass).
print("abc".encode(), "é".encode("utf-8"), b"\xc3\xa9".decode(), str(b"xyz", "utf-8"))
print(bytes("h€", "utf-8"), len("h€".encode()))
for bad in [b"\xff", b"\xc3", b"a\x80b"]:
    try:
        print(bad.decode())
    except UnicodeError as e:
        print(isinstance(e, UnicodeError), isinstance(e, ValueError))
