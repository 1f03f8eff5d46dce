# g/G switch between fixed and exponent by precision; trailing zeros removed unless #.
for v in [0.0001, 0.00001, 123456, 1234567, 1.5, 100.0, 1e-300, 9.9999, 0.1 + 0.2]:
    print(format(v, "g"), format(v, ".2g"), format(v, ".10g"), format(v, "#.3g"), format(v, "G"), "%g" % v)
print(format(123, "g"), format(123456789, "g"), format(0, "g"), format(-0.0, "g"), format(1e16, ".17g"))
