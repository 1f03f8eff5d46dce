# find/rfind/index/rindex/count with start/end, negative indices and empty needles.
s = "hello world hello"
print(s.find("hello"), s.rfind("hello"), s.find("hello", 1), s.rfind("hello", 0, 10))
print(s.find("o", -5), s.rfind("o", -12, -3), s.find("zz"), s.rfind("zz"))
print(s.find(""), s.rfind(""), s.find("", 5), s.find("", 100), s.count(""), "".count(""))
print(s.count("l"), s.count("l", 3), s.count("l", 3, -3), s.count("ll"), "aaaa".count("aa"))
print(s.index("world"), s.rindex("l"), s.index("l", -4))
for bad in [lambda: s.index("zz"), lambda: s.rindex("h", 1, 5), lambda: s.find(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
# a start past the end finds nothing, not even the empty string
print("abc".find("", 3), "abc".find("", 4), "abc".rfind("", 4), "abc".count("", 4), "abc".count("", 3))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", 4))
print(b"abc".find(b"", 4), b"abc".count(b"", 4), b"abc".startswith(b"", 4))
