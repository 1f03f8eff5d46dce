# bytes/bytearray constructors from ints, iterables, strings.
print(bytes(3), bytes([65, 66]), bytes(b"x"), bytes("hé", "utf-8"), bytes(range(3)))
print(bytearray(2), bytearray([1, 2]), bytearray(b"ab"), bytearray("ab", "utf-8"))
try:
    bytes([256])
except ValueError:
    print("ValueError")
try:
    bytes("str")
except TypeError:
    print("TypeError")
