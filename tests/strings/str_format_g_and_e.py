# General (g) and exponent (e) float formats.
for v in [0.0001, 0.00001, 123456.0, 1234567.0, 1.5, 100.0, 2.5e-10]:
    print("%g" % v, "{:g}".format(v), "{:.3e}".format(v))
print("%.3g" % 3.14159, "{:.2g}".format(0.000123), "%G" % 1e-10)
