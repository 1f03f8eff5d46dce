# bytearray mutation: item/slice assignment, append/extend/pop/remove/insert/clear/reverse, +=.
a = bytearray(b"abc")
a[0] = 65; a[-1] = 67; print(a)
a.append(100); a.extend(b"ef"); a.extend([103]); print(a, len(a))
a[1:3] = b"XYZ"; print(a)
del a[0]; del a[-2:]; print(a)
a += b"!!"; print(a, a.pop(), a.pop(0), a)
a.insert(1, 42); a.remove(90); print(a)
a.reverse(); print(a)
c = a.copy(); a.clear(); print(a, c)
print(bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"x") * 3)
print(bytearray(b"a,b").split(b","), bytearray(b" x ").strip(), bytearray(b"abc").find(b"c"))
for bad in [lambda: a.append(256), lambda: a.pop(), lambda: c.remove(1)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__)
def store(v):
    c[0] = v
for v in (-1, 256):
    try:
        store(v)
    except ValueError as e:
        print(type(e).__name__)
