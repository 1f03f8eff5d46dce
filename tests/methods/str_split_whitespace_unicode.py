# split() without arguments on tabs, newlines and mixed runs; splitting non-ASCII text.
print("a\tb\nc  d\r\ne\x0bf\x0cg".split(), " über  straße ".split(), "α,β,,γ".split(","), "日本 語".split())
print("x y z".rsplit(None, 1), "  lead".split(None, 1), "trail  ".rsplit(None, 1), "a b".split(None, 0))
