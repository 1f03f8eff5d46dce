# struct packing and unpacking with explicit byte order.
import struct
print(struct.pack("<HI", 1, 2), struct.pack(">HI", 1, 2), struct.pack("<b", -1))
print(struct.unpack("<HI", b"\x01\x00\x02\x00\x00\x00"), struct.unpack(">h", b"\xff\xfe"))
print(struct.calcsize("<HIQ"), struct.calcsize(">bbh"))
print(struct.pack("<f", 1.5), struct.unpack("<d", struct.pack("<d", 2.25)))
print(struct.pack("<3s", b"abcdef"), struct.unpack_from("<H", b"\x00\x01\x02", 1))
