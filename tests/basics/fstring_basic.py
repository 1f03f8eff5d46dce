# Basic f-string substitution.
name = "world"
n = 42
print(f"hello {name}")
print(f"{n} {n + 1} {n * 2}")
print(F"upper F {name}")
print(f"{{literal braces}} {n}")
print(f"{'quoted'}")
print(f"{[1, 2, 3]}")
print(f"{name!r} {name!s}")
# Adjacent f-string literals are not concatenated here: MicroPython does not support that.
print(f"a" + f"b{n}" + "c")
