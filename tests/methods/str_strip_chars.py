# strip/lstrip/rstrip with explicit character sets, None and empty arguments.
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("hi".strip("")))
print(repr("  \t\nhi \r\n".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")), repr("aaa".strip("a")))
print(repr("  x ".strip(None)), repr("".strip()), repr("\x0b\x0cz\x0b".strip()))
try:
    "a".strip(1)
except TypeError as e:
    print(type(e).__name__)
