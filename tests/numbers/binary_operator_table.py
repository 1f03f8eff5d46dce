# A table of binary operators over ints, big ints, floats, bools and a few sequences; each cell is
# the result or the exception type name.
vals = [0, 1, -3, 7, 2**64 + 1, -(2**70), 0.5, -2.0, True, False, "ab", [1], (2,), b"x"]
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "==", ">="]
for a in vals:
    for b in vals:
        row = []
        for op in ops:
            if op == "**" and isinstance(b, int) and abs(b) > 1000:
                row.append("skip")
                continue
            if op == "%" and isinstance(a, (str, bytes)):
                row.append("skip")  # printf-style formatting: strings/formatting tests cover it
                continue
            if op == "<<" and isinstance(b, int) and b > 1000:
                row.append("skip")
                continue
            try:
                r = eval("a %s b" % op)
                if isinstance(r, float):
                    r = repr(r)
                row.append(r)
            except Exception as e:
                row.append(type(e).__name__)
        print(repr(a), repr(b), row)
