# bytes % formatting with %s/%d/%x/%c/%b and width.
print(b"%d-%s" % (5, b"x"), b"%5d|%-3s|" % (7, b"ab"), b"%x %c" % (255, 65), b"%%" % ())
print(b"%s" % bytearray(b"y"), b"%03d" % 9, b"%c" % b"z")
