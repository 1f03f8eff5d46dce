# the s and c presentation types, errors for s on non-strings, nested spec fields with several parts,
# index and key lookups in fields.
print(format("ab", "s"), "{:s}|{:>5s}|{:.1s}".format("x", "y", "zw"), f"{'q':s}", "{!s:>3}".format(1))
for bad in [(1, "s"), (1.5, "s"), (None, "s")]:
    try:
        format(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print("{:c}".format(9731), "{:5c}|".format(65), "{:<3c}|".format(66), "%5c|" % "x", "%-3c|" % 67)
print("{0:{1}{2}}".format(3.14159, ".", "3"), "{:{}}".format("a", 3), "{:{fill}{align}6}".format("m", fill="~", align="^"))
print("{[0]}{[1]}".format("ab", "cd"), "{0[a]}{0[b]}".format({"a": 1, "b": 2}), "{.real}".format(3))
