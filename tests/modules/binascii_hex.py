# binascii hexlify/unhexlify and base64 helpers.
import binascii
print(binascii.hexlify(b"\x01\xab\xff"), binascii.unhexlify(b"01abff"))
print(binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="))
print(binascii.crc32(b"hello") & 0xFFFFFFFF)
