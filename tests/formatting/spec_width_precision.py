# width, precision and zero padding on floats, ints and strings.
x = 3.14159265
print(format(x, ".0f"), format(x, ".3f"), format(x, "10.2f"), format(x, "010.3f"), format(-x, "010.3f"))
print(format(x, ".3"), format(x, ".10"), format(123456.789, ".3"), format(1e-5, ".2"), format(x, "015"))
print(format("abcdef", ".3"), format("abcdef", "8.2"), format("ab", ">6.1"), format(12, "06"), format(-12, "06"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(1e16, ".2f"), format(123, ".2f"))
try:
    format(5, ".2d")
except ValueError as e:
    print(type(e).__name__)
