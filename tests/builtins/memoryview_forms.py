# memoryview over bytes and bytearray: indexing, slicing without copying, writes through, len, bytes().
ba = bytearray(b"abcdef")
m = memoryview(ba)
print(len(m), m[0], m[-1], bytes(m[1:3]), bytes(m))
m[0] = 65; print(ba)
s = m[2:5]; s[0] = 67; print(ba, len(s), bytes(s))
mb = memoryview(b"xyz"); print(mb[1], bytes(mb[::1]) if False else bytes(mb[1:]))
try:
    mb[0] = 1
except TypeError as e:
    print(type(e).__name__)
try:
    m[10]
except IndexError as e:
    print(type(e).__name__)
print(list(memoryview(b"\x01\x02")), bytearray(memoryview(b"q")))
