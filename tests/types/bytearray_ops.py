# bytearray is a mutable bytes sequence.
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba, len(ba), ba[1], ba[1:3])
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba)
print(bytes(ba), ba == b"XYZcde", ba.decode())
ba += b"!"
print(ba, ba.find(b"Z"))
try:
    ba[0] = 300
except ValueError:
    print("ValueError byte range")
