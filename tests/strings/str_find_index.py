# find/rfind/index/rindex/count with ranges.
s = "hello world hello"
print(s.find("hello"), s.rfind("hello"), s.find("zzz"), s.find(""), s.rfind(""))
print(s.find("o", 5), s.find("o", 5, 7), s.rfind("o", 0, 10))
print(s.index("world"), s.rindex("l"))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 5))
try:
    s.index("zzz")
except ValueError:
    print("ValueError index")
try:
    s.rindex("q")
except ValueError:
    print("ValueError rindex")
print("aaaa".count("aa"), "abab".find("b", -2))
