# Formatting floats with %, str.format and f-strings gives the same digits (MicroPython has no format() builtin).
values = [0.0, 1.0, -1.5, 3.14159, 2.71828, 1e6, 1.25e-3]
for v in values:
    print("%.3f" % v, "{:.3f}".format(v), f"{v:.3f}", "%10.2e" % v)
print("{:,.2f}".format(12345.6789), "{:.0%}".format(0.5), "{:03d}".format(5), "{:^5}".format("s"))
