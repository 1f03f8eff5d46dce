# printf-style % formatting.
print("%d %i %s %r" % (1, 2, "three", "four"))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%.2f %8.3f %-8.1f| %e" % (3.14159, 2.5, 1.25, 12345.6789))
print("%s and %s" % ("a", "b"), "%s" % "single", "%s" % (("tuple",),))
print("%c%c" % (65, "b"), "100%%", "%(a)s-%(b)d" % {"a": "x", "b": 2})
print("%*d|%-*d|" % (5, 1, 4, 2))
try:
    "%d" % "x"
except TypeError:
    print("TypeError")
try:
    "%d %d" % (1,)
except TypeError:
    print("TypeError not enough")
