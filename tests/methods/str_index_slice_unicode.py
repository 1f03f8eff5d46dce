# Indexing, slicing and len on non-ASCII strings (characters, not bytes).
s = "añb€c😀d"
print(len(s), s[1], s[3], s[5], s[-1], s[-2])
print(s[1:4], s[-3:], s[:0], s[2:100], s[100:])
print(s.find("€"), s.index("😀"), s.count("b"), s.split("€"))
print(list(s), [ord(c) for c in s])
print(s.encode(), len(s.encode()), s.encode().decode() == s)
try:
    s[7]
except IndexError as e:
    print(type(e).__name__)
