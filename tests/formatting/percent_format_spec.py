# % formatting: flags, width, precision, * width, dict mapping, %c %r %a-free forms, errors.
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42), "%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%.2f|%8.3f|%-8.1f|%e|%.3E|%g|%G" % (3.14159, 2.5, 1.25, 12345.678, 0.00012, 1e-5, 1e20))
print("%s %r %c %c" % ("s", "r", 65, "z"), "%*d|%-*d" % (5, 1, 4, 2), "%.*f" % (2, 1.23456))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%%", "%s" % (1,), "%s" % [1, 2], "%d" % 3.9, "%i" % -2)
print("%10.4s|" % "abcdefg", "%-6s|" % "ab", "%.0f %.0f" % (0.5, 1.5), "%s" % None)
for bad in [lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "%z" % 1, lambda: "%(a)s" % 1]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__)
