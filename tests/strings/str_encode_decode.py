# encode/decode between str and bytes and errors on invalid UTF-8.
s = "abc"
print(s.encode(), s.encode("utf-8"), type(s.encode()).__name__)
print(b"xyz".decode(), bytes("ab", "utf-8"), str(b"ab", "utf-8"))
print(str(b"ab"))
try:
    b"\xff\xfe".decode()
except UnicodeError:
    print("UnicodeError")
print("ñ".encode(), len("ñ".encode()))
