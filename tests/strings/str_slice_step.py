# str slices with a step other than 1. MicroPython proper raises NotImplementedError for these
# (documented difference); micropython-rs follows CPython, so they live in this one file.
s = "abcdefgh"
print(s[::2], s[1::2], s[::-1], s[::-2], s[6:2:-1], s[-1:-4:-1], s[::100], repr(s[2:6:-1]))
print("日本語"[::-1], "héllo"[::2])
