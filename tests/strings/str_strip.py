# strip, lstrip and rstrip with default and explicit characters.
s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abc".strip(""))
print("www.example.com".lstrip("w."), "file.txt...".rstrip("."))
print(repr("   ".strip()), repr("".strip()))
