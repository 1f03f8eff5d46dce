# printf-style formatting: * width and precision (negative width = left align), flag orders,
# alternate forms for e/f/g, bytes and bools with %s/%r/%d/%f, mapping keys used twice.
print("%*d|" % (-5, 3), "%-*d|" % (4, 2), "%.*s|" % (2, "abcdef"), "%*.*f|" % (8, 2, 3.14159))
print("%(a)*d" % {"a": 1} if False else "skip", "%3%|" % () if False else "skip2", "%s %%s" % "x")
print("%5.1s|" % "xyz", "%-+5d|" % 3, "%+-5d|" % 3, "% 05d|" % 3, "%#5x|" % 255, "%-#8o|" % 8)
print("%e" % 0, "%E" % 1e-10, "%.0e" % 12345, "%#.0e" % 12345, "%#.0f" % 3, "%g" % 100000, "%g" % 1000000, "%#g" % 1)
print("%s" % b"bytes", "%r" % b"x", "%a" % "é" if False else "skip3", "%c" % 10 == "\n", "%%%s%%" % "mid")
print("%o" % 0o777, "%x" % -255, "%X" % 0xABC, "%d" % -0, "%i" % True, "%f" % True, "%s" % True, "%r" % None)
print("%(x)s %(x)r %(y)d" % {"x": "v", "y": 4.9}, "%d %s" % (1, (2, 3)), "%s" % ((2, 3),))
