# integer presentation types b c d o x X n and their errors on floats/strings.
for v in [0, 7, 65, 255, -255, 2**65]:
    print(format(v, "b"), format(v, "d"), format(v, "o"), format(v, "x"), format(v, "X"), format(v, "n"))
print(format(65, "c"), format(0x263A, "c"), format(97, "^5c"), format(True, "d"), format(False, "x"))
for bad in [(1.5, "d"), (1.5, "x"), ("s", "d"), (1, "s"), (-1, "c"), ("a", "f")]:
    try:
        format(*bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, bad)
