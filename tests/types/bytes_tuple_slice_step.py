# bytes and tuple slices with a step other than 1. MicroPython proper raises NotImplementedError for
# some of these (documented difference); micropython-rs follows CPython, so they live in this one file.
b = b"hello world"
print(b[::-1], b[::2], b[8:2:-2])
t = (1, 2, 3, 4, 5)
print(t[::-1], t[::2], t[3:0:-1])
ba = bytearray(b"abcdef")
print(ba[::-1], ba[1::2])
