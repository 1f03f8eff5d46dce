# str methods return new strings (never the same object mutated); results on empty strings.
s = ""
print(repr(s.upper()), repr(s.strip()), s.split(), s.split("x"), repr(s.replace("", "")), s.find(""), s.isdigit(), s.isspace())
t = "Text"
u = t.lower()
print(t, u, t.startswith(""), t.endswith(t), t.join([]), repr(t[:0]), t * 1 == t)
