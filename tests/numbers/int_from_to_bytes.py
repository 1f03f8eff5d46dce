# int.from_bytes / int.to_bytes in both byte orders, with sign, big values and overflow errors.
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x00\x80", "little", signed=True))
print(int.from_bytes(bytes(range(1, 17)), "big"), int.from_bytes(bytearray(b"\x10"), "little"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (0).to_bytes(3, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((2**70 + 5).to_bytes(9, "big"), (-(2**63)).to_bytes(8, "big", signed=True))
n = 0x1234567890ABCDEF1234
print(int.from_bytes(n.to_bytes(10, "little"), "little") == n)
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        bad()
    except OverflowError as e:
        print(type(e).__name__)
