# str, bytes and bytearray share one implementation of split/strip/find/replace/...: the same
# calls on each, with non-ASCII text (str indices count chars, bytes indices count bytes).


def show(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__
    print(r)


TEXTS = ["", "  a b  c ", "h\u00e9llo w\u00f6rld h\u00e9llo", "a,b,,c", "\t\nab\r\ncd\rx\n", "\u65e5\u672c\u8a9e\u3068\u65e5\u672c"]

for text in TEXTS:
    for conv in (str, lambda x: x.encode(), lambda x: bytearray(x.encode())):
        s = conv(text)
        c = conv
        print(type(s).__name__, len(s))
        show(lambda: s.split())
        show(lambda: s.rsplit())
        show(lambda: s.split(None, 1))
        show(lambda: s.rsplit(None, 1))
        show(lambda: s.split(c(" ")))
        show(lambda: s.rsplit(c(" "), 1))
        show(lambda: s.split(c("llo")))
        show(lambda: s.split(c("")))
        show(lambda: (s.strip(), s.lstrip(), s.rstrip()))
        show(lambda: s.strip(c(" ah\u00e9")))
        show(lambda: s.rstrip(c("\u672cab")))
        show(lambda: (s.find(c("l")), s.rfind(c("l")), s.find(c("w\u00f6"))))
        show(lambda: (s.find(c("\u00e9"), 2), s.find(c("\u00e9"), 2, -3), s.find(c("\u672c"), -3)))
        show(lambda: (s.find(c(""), 5), s.find(c(""), 50), s.rfind(c(""))))
        show(lambda: s.index(c("zz")))
        show(lambda: s.rindex(c("b")))
        show(lambda: (s.count(c("l")), s.count(c("")), s.count(c(""), 2, 5), s.count(c("\u00e9"), -8)))
        show(lambda: s.replace(c("l"), c("L")))
        show(lambda: s.replace(c("l"), c("LL"), 2))
        show(lambda: s.replace(c(""), c("-")))
        show(lambda: s.replace(c(""), c("-"), 3))
        show(lambda: s.replace(c("h\u00e9llo"), c("")))
        show(lambda: (s.partition(c(" ")), s.rpartition(c(" "))))
        show(lambda: (s.partition(c("q")), s.rpartition(c("q"))))
        show(lambda: s.partition(c("")))
        show(lambda: (s.startswith(c("  ")), s.startswith(c("\u00e9"), 1), s.endswith(c("n"))))
        show(lambda: (s.endswith((c("x"), c("\u672c"))), s.startswith(c("l"), 2, 4)))
        show(lambda: s.startswith(c(""), 100))
        show(lambda: s.startswith(1))
        show(lambda: s.startswith((c("a"), 1)))
        show(lambda: c("-").join([c("a"), c("\u00e9"), c("")]))
        show(lambda: c("-").join([c("a"), 3]))
        show(lambda: (s.splitlines(), s.splitlines(True)))
        show(lambda: s.center(25))
        show(lambda: s.center(26, c("*")))
        show(lambda: s.center(3) == s)
        show(lambda: (s.isdigit(), s.isalpha(), s.isalnum(), s.isspace()))
        show(lambda: (s.isupper(), s.islower()))
        show(lambda: s.find(None))
        show(lambda: s.split(1))
        show(lambda: s.strip(1))

for b in [b"abc", bytearray(b"a\x00b\xffc")]:
    show(lambda: (b.find(98), b.count(98), b.index(0)))
    show(lambda: b.find(300))
    show(lambda: b.rindex(b"z"))
    show(lambda: type(b.strip()).__name__)
    show(lambda: type(b.split(b"b")[0]).__name__)
    show(lambda: b.startswith(bytearray(b"a")))

show(lambda: "a b  ".split(None, 1))
show(lambda: "  a b".rsplit(None, 1))
show(lambda: b"a b  ".split(None, 1))
show(lambda: b"  a b".rsplit(None, 1))
show(lambda: "a\x0bb\x0cc".split())
show(lambda: b"a\x0bb\x0cc".split())
