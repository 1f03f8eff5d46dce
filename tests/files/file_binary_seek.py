# Binary files: bytes in and out, seek/tell with each whence, readinto, write counts.
import scratch_helper

scratch_helper.enter("file_binary_seek")

with open("b.bin", "wb") as f:
    print(f.write(b"0123456789"), f.write(bytearray(b"ab")), f.tell())

with open("b.bin", "rb") as f:
    print(f.read(3), f.tell())
    print(f.seek(5), f.read(2))
    print(f.seek(-3, 2), f.read())
    print(f.seek(0, 1), f.read(5))
    f.seek(2)
    print(f.seek(3, 1), f.read(1))
    print(f.read(100), f.read(), f.tell())
    f.seek(0)
    buf = bytearray(4)
    print(f.readinto(buf), buf)
    f.seek(10)
    print(f.readinto(buf), buf)
    f.seek(0)
    print(f.readline(), f.readlines())

with open("lines.bin", "wb") as f:
    f.write(b"one\ntwo\n\nfour")
with open("lines.bin", "rb") as f:
    print(list(f))

with open("b.bin", "r+b") as f:
    f.seek(3)
    f.write(b"XYZ")
    f.seek(0)
    print(f.read())

with open("b.bin", "ab") as f:
    print(f.write(b"end"))
with open("b.bin", "rb") as f:
    print(f.read())

# Writing past the end leaves a gap of zero bytes.
with open("gap.bin", "wb") as f:
    f.seek(4)
    f.write(b"x")
print(open("gap.bin", "rb").read())

scratch_helper.leave("file_binary_seek")
