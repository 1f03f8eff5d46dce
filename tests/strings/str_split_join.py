# split/rsplit with and without separators and limits; join.
print("a b  c".split())
print("  lead and trail  ".split())
print("a,b,,c".split(","))
print("a,b,c,d".split(",", 2))
print("a,b,c,d".rsplit(",", 1))
print("a--b--c".split("--"))
print("".split(), "".split(","))
print("one".split(","))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"))
try:
    "a".split("")
except ValueError:
    print("ValueError empty separator")
try:
    ",".join(["a", 1])
except TypeError:
    print("TypeError join non-str")
