# Iterating bytes yields ints; comparisons are lexicographic.
b = b"\x00\x7f\x80\xff"
print(list(b), [hex(x) for x in b], sum(b))
print(b"abc" < b"abd", b"ab" < b"abc", b"" < b"\x00", max(b"hello"), sorted(b"cab"))
print(bytes(reversed(b"abc")), bytes(x ^ 0xFF for x in b"\x0f"))
