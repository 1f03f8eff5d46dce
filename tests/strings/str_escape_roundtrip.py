# repr of strings with escapes can be evaluated back to the same string.
samples = ["plain", "tab\tnl\n", "quote'double\"", "back\\slash", "\x01\x1f", "é€"]
for s in samples:
    print(eval(repr(s)) == s, len(s))
