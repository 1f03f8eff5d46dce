# formatting with non-ASCII fill/text, grouping of floats, alternate forms with signs, rounding of
# halves in fixed notation, long precisions.
print("{:>10}".format("é€"), "{:^7}".format("日本"), "%-5s|" % "ü", f"{'😀':*>4}")
print("{0!r:^12}".format("é"), ascii("x") if False else repr("é"), "é".center(5, "*"))
print("{:,}".format(-1234.5), "{:_}".format(1234567.125), "{:.3}".format("é€abc"), "{:=^+9d}".format(5))
print("{:#010b}".format(5), "{:#o}".format(0), "{:+#x}".format(255), "{:x<4d}".format(7), "{: >+5}".format(3))
print("{:e}".format(0), "{:.0%}".format(0.995), "{:.2f}".format(-0.001), "{:.1f}".format(0.05), "{:.1f}".format(0.15), "{:.1f}".format(0.25))
print("{:g}".format(1e-5), "{:g}".format(123456789), "{:.3g}".format(0.0001234), "{:G}".format(float("nan")), "{:+.2e}".format(-1e-300))
print("%.15g" % 0.1, "%.17g" % 0.1, "%r" % 0.1, "%s" % 1e16, "%.1f" % 2.25, "%.1f" % 2.35, "%5.2f%%" % 12.345)
print(format(1e21, "f")[:10], format(1 / 3, ".20f"), format(2**0.5, ".30g"))
