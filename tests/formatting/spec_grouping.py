# thousands grouping with , and _ on ints and floats, with width and sign.
for v in [0, 999, 1000, -1234567, 10**12, 2**70]:
    print(format(v, ","), format(v, "_"), format(v, "15,"), format(v, "+,"))
print(format(1234567.891, ",.2f"), format(-1234.5, ",.1f"), format(0xFFFFFFFF, "_x"), format(255, "_b"))
print(format(1234567, "012,"), format(1234.5678, "_f"), "{:,}".format(98765))
