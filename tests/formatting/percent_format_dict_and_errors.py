# % with mapping keys and specs, repeated keys, literal %, tuple arguments printed with %s.
d = {"name": "mpy", "n": 3, "f": 2.5}
print("%(name)s has %(n)03d items costing %(f).2f (%(name)r)" % d)
print("%s" % ((1, 2),), "%r" % ((1,),), "%5s|%-5s|" % ("ab", "cd"), "%c%c" % (0x41, "b"), "%.3s" % "abcdef")
print("%x" % 2**70, "%d" % 2**70, "%o" % -8, "%+.1e" % 12345.0, "%g" % 1e-10, "%G" % 1e20, "%5.1f%%" % 99.5)
for bad in [lambda: "%(missing)s" % d, lambda: "%s %s" % "ab", lambda: "%" % (), lambda: "%c" % "ab", lambda: "%d" % None]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__)
