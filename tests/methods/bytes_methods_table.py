# A table of bytes and bytearray methods over several receivers and arguments; each cell is the
# result or the exception type name (UnicodeError for decode errors: MicroPython has no subclasses).
recvs = [b"", b"abc", b"a,b,,c", b"  x y  ", bytearray(b"aXbXc"), b"\x00\xff"]
calls = [("find", (b"b",)), ("find", (98,)), ("rfind", (b"X",)), ("count", (b"",)), ("count", (b",",)), ("index", (b"c",)),
         ("split", ()), ("split", (b",",)), ("split", (b"X", 1)), ("rsplit", (b",", 1)), ("strip", ()), ("strip", (b"a ",)),
         ("lstrip", ()), ("rstrip", (b"c",)), ("replace", (b"a", b"AA")), ("startswith", (b"a",)), ("endswith", ((b"c", b"y  "),)),
         ("partition", (b"b",)), ("rpartition", (b"X",)), ("upper", ()), ("lower", ()), ("isdigit", ()), ("isalpha", ()),
         ("isspace", ()), ("hex", ()), ("decode", ()), ("join", ([b"1", b"2"],)), ("find", ("b",)), ("split", (b"",)), ("index", (b"zz",))]
for r in recvs:
    row = []
    for name, args in calls:
        try:
            row.append(getattr(r, name)(*args))
        except Exception as e:
            row.append("UnicodeError" if isinstance(e, UnicodeError) else type(e).__name__)
    print(repr(r), row)
