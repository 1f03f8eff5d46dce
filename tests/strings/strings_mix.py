# assorted string behaviours: literal forms and escapes, slicing bounds, method chains, comparisons,
# formatting mixes, splitlines vs split, encode.
s = "The quick brown fox"
print(s.split(" ", 2), s.lower().count("o"), s[4:9].upper(), s.replace(" ", "_", 2), s.find("q"), s.endswith("fox"))
print("a" "b" 'c', """triple "quotes" inside""", 'it\'s', "tab\tend", r"raw\n", "\u00e9\U0001F600")
print("%-10s|%10s|" % ("left", "right"), "x".center(5, "."), "1,2;3".replace(";", ",").split(","))
print("abc"[::1], "abc"[-1], "abc"[-3], "abc"[1:-1], "abc"[5:], "abc"[:-5], "abc" * 0 == "")
words = "one two three two one".split()
print(sorted(set(words)), words.index("two"), " ".join(reversed(words)), len(max(words, key=len)))
print("".join(chr(ord(c) + 1) for c in "HAL"), ord("A") + ord("a"), "Z" > "A", "a" > "Z", "10" < "9")
print(str(1) + str(2.0) + str(None) + str(True), repr("\n"), repr("'"), repr('"'), "\\".join("ab"))
print("{}-{}".format(*"xy"), "{a}{b}".format(**{"a": 1, "b": 2}), "%d%%" % 50, f"{'nested':>{10}}")
print("line1\nline2\n".splitlines(), "a\r\nb".split("\n"), "  x\n".strip(), "x".join(["", ""]))
print("Hello".startswith("he"), "Hello".lower().startswith("he"), "hello world".split("o", 1), "é".encode(), "ab".encode("utf-8"))
