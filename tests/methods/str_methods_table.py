# A table of str search/split/strip methods over many strings and arguments (with start/end), and
# %-formatting directives over many values: every cell is a result or the exception type name.
strs = ["", "a", "abc", "  a b  ", "a,b,,c", "aaa", "Hello World", "x\ty\nz", "ñé€", "12", "a1B2"]
args = ["", "a", ",", " ", "aa", "b", "é", "xyz"]
ops = ["find", "rfind", "count", "split", "rsplit", "partition", "rpartition", "startswith", "endswith", "strip", "lstrip", "rstrip", "replace_", "index", "rindex"]
for s in strs:
    for a in args:
        row = []
        for op in ops:
            try:
                if op == "replace_":
                    r = s.replace(a, "_")
                else:
                    r = getattr(s, op)(a)
                row.append(r)
            except Exception as e:
                row.append(type(e).__name__)
        for i in (-5, -1, 0, 1, 2, 10):
            for j in (None, -1, 2, 100):
                try:
                    row.append((s.find(a, i, j), s.count(a, i, j), s.rfind(a, i, j), s.startswith(a, i, j), s.endswith(a, i, j)))
                except Exception as e:
                    row.append(type(e).__name__)
        print(repr(s), repr(a), row)
fmts = ["%s", "%r", "%5s", "%-5s", "%d", "%5d", "%-5d", "%05d", "%+d", "%x", "%#x", "%o", "%#o", "%e", "%.2e", "%f", "%.0f", "%g", "%10.3g", "%c", "%%", "%i", "%X", "%#X", "%.3s", "% d"]
for v in [0, -5, 65, 3.75, -0.5, 2**65, "s", True, None]:
    row = []
    for f in fmts:
        try:
            row.append(f % (v,) if f != "%%" else f % ())
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(v), row)
