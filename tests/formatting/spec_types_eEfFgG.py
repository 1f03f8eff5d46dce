# float presentation types e E f F g G and % on ordinary and extreme values.
vals = [0.0, 1.0, -2.5, 123456789.0, 1e-7, 1.5e300, 0.0001, 100000.0, 1e16, 12345.6789]
for v in vals:
    print(format(v, "e"), format(v, ".2E"), format(v, "f"), format(v, ".1F"), format(v, "g"), format(v, ".3G"), format(v, ".1%"))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(format(v, "f"), format(v, "E"), format(v, "G"), format(v, "+g"), format(v, "8.2f"))
print(format(0.5, "%"), format(1, "%"), format(1, "e"), format(7, "f"), format(10**20, "g"), format(True, "f"))
