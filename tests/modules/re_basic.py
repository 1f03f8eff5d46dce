# re: match, search, groups, sub and split with simple patterns.
import re
m = re.match(r"(\d+)-(\w+)", "42-abc rest")
print(m.group(0), m.group(1), m.group(2), m.groups())
print(re.match(r"\d", "x1") is None, re.search(r"\d+", "ab123cd").group(0))
print(re.sub(r"\s+", " ", "a   b \t c"), re.split(r",\s*", "a, b,c"))
r = re.compile(r"[a-c]+")
print(r.search("xxabcay").group(0), r.match("ab").group(0))
print(re.sub("a", lambda m: "A", "banana"))
