# bytes methods: find/count with int needles, split/strip/replace/join, startswith, hex.
b = b"hello, world"
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.count(b"l"), b.count(108), b.index(b","))
print(b.split(b", "), b"a  b".split(), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1))
print(b"  x  ".strip(), b"xxyxx".strip(b"x"), b"  x".lstrip(), b"x  ".rstrip())
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b"-".join([b"a", b"b", bytearray(b"c")]))
print(b.startswith(b"hell"), b.endswith((b"x", b"ld")), b.upper(), b"ABC".lower())
print(b"abc".hex(), bytes.fromhex("616263"), bytes.fromhex("61 62"))
print(b"a1".isdigit(), b"12".isdigit(), b"ab".isalpha(), b" ".isspace(), b"AB".isupper(), b"ab".islower())
print(b.partition(b" "), b.rpartition(b"o"))
for bad in [lambda: b.index(b"z"), lambda: b"-".join(["a"]), lambda: b.find("o"), lambda: b.split(b"")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
