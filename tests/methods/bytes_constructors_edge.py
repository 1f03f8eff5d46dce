# bytes() from ints, iterables, str with encoding, buffers; errors for bad values.
print(bytes(), bytes(3), bytes([65, 66]), bytes(range(3)), bytes("hé", "utf-8"), bytes(bytearray(b"q")), bytes(b"x"))
print(bytes((x for x in [1, 2])), bytes(memoryview(b"mv")), bytearray(range(2)), bytearray(b"a") + b"b")
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("s"), lambda: bytes(-1), lambda: bytes(["a"])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
