# int.from_bytes/to_bytes and integer-valued methods.
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff", "big"))
print((255).to_bytes(1, "big"), (0).to_bytes(3, "big"))
print(isinstance(5, int), type(5).__name__, type(2 ** 100).__name__)
