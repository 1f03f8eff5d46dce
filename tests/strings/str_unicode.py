# Unicode strings: length in code points, indexing, ord/chr, encode.
s = "héllo wörld €"
# upper() is left out: MicroPython only changes the case of ASCII letters.
print(len(s), s[1], s[-1], s[:5])
print([ord(c) for c in "aé€"])
print(chr(233), chr(8364), chr(0x1F600) == "\U0001F600")
b = "é€".encode()
print(b, len(b), b.decode())
print("€" in s, s.find("ö"), s[7:10])
print("".join(reversed("日本語")), len("日本語"), "日本" + "語", "日本語"[1:])
print(repr("ü"), "ü" == "\u00fc")
