# str.format with positional, keyword, index and attribute fields.
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name}={value}".format(name="k", value=3))
print("{:>6}|{:<6}|{:^6}|{:*>6}".format("a", "b", "c", "d"))
print("{:08.3f} {:+d} {:,} {:x} {:#b}".format(3.14159, 5, 1234567, 255, 5))
print("{{}} {}".format("braces"))
print("{!r} {!s}".format("q", "q"))
print("{:{}}|".format("w", 4))
try:
    "{} {}".format(1)
except IndexError:
    print("IndexError")
