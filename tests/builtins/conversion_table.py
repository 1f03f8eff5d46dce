# A table of conversions and unary builtins over values of many types; each cell is the result or
# the exception type name.
vals = [0, -7, 2**65, -0.0, 2.5, -1e300, float("inf"), True, None, "12", " -3 ", "1.5", "abc", "", b"7", [1, 2], (), {1: 2}, {3}, range(3)]
funcs = [int, float, str, repr, bool, abs, len, round, list, tuple, sorted, hash, hex, bin, ord, chr, min, max, sum, lambda v: -v, lambda v: ~v, lambda v: not v, lambda v: v * 2, lambda v: v[0], lambda v: "skip" if isinstance(v, dict) else v[-1:]]
names = ["int", "float", "str", "repr", "bool", "abs", "len", "round", "list", "tuple", "sorted", "hash-ok", "hex", "bin", "ord", "chr", "min", "max", "sum", "neg", "inv", "not", "x2", "[0]", "[-1:]"]
for v in vals:
    row = []
    for name, f in zip(names, funcs):
        try:
            r = f(v)
            if name == "hash-ok":
                r = r == hash(v)
            if isinstance(r, float):
                r = repr(r)
            row.append(r)
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(v), row)
