# bytearray slice assignment with different lengths, from bytes, bytearray, lists and memoryview.
b = bytearray(b"0123456789")
b[2:4] = b"ab"; print(b)
b[0:1] = b""; print(b)
b[5:5] = bytearray(b"XY"); print(b)
b[-2:] = [65, 66, 67]; print(b)
b[:3] = memoryview(b"mv!"); print(b)
print(b[1:4], b[-3:], type(b[1:2]).__name__, b.count(b"A"), b.find(66))
