# memoryview over bytes and bytearray: slicing without copying, writes through.
ba = bytearray(b"abcdef")
mv = memoryview(ba)
print(len(mv), mv[0], bytes(mv[1:3]))
mv[0] = ord("Z")
print(ba)
sub = mv[2:4]
sub[0] = ord("!")
print(ba, bytes(sub))
print(bytes(memoryview(b"xyz")), memoryview(b"xyz")[1])
