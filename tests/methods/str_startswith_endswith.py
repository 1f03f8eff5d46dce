# startswith/endswith with tuples of prefixes and start/end arguments.
s = "micropython"
print(s.startswith("micro"), s.startswith("py", 5), s.startswith("py", 5, 6), s.startswith(""))
print(s.endswith("thon"), s.endswith("py", 0, 7), s.endswith(""), s.endswith("n", -1))
print(s.startswith(("x", "mi")), s.endswith(("on", "zz")), s.startswith(()))
print("".startswith(""), "".endswith("a"), s.startswith("micro", -20))
try:
    s.startswith(["m"])
except TypeError as e:
    print(type(e).__name__)
