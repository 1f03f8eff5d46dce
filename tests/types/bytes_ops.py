# bytes: indexing gives ints, slicing gives bytes; methods.
b = b"hello world"
print(b[0], b[-1], b[0:5], b[6:], b * 2, b + b"!", len(b))
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"w"), b"wor" in b, 104 in b)
print(b.split(), b.split(b"o"), b.upper(), b.replace(b"l", b"L"), b.strip(b"hd"))
print(b.startswith(b"he"), b.endswith(b"ld"), b"-".join([b"a", b"b"]), b.decode())
print(list(b"abc"), bytes([x + 1 for x in b"abc"]), b"a" < b"b", b"abc" == b"abc")
try:
    b[0] = 1
except TypeError:
    print("TypeError immutable")
print(b"%d-%s" % (5, b"x"), b"ab".hex(), bytes.fromhex("6162"))
