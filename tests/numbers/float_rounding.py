# round, int truncation and formatting of floats.
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 0), round(1234.5678, 2), round(1234.5678, -2), round(7, -1))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(int(2.999), int(-2.999), "%.0f" % 2.5, "%.0f" % 3.5)
print("%.3f" % (2 / 3), "{:.4f}".format(1 / 7), f"{10 / 4:.1f}")
print(round(-0.4), round(15, -1), round(25, -1))
