# complex in f-strings and str.format: repr-like without a type (parentheses unless the real
# part is +0.0), e/f/g/n per part with the imaginary part always signed, padding of the whole.
vals = [1 + 2j, -1.5 - 0.25j, 3j, -3j, complex(-0.0, 1), 0j, complex(1e20, -1e-7),
        complex(float("inf"), float("nan")), 1234567.891 + 0.5j]
specs = ["", ">20", "<20", "^22", "*^24", "+", " ", "-", ".3", ".3f", "10.2f", "e", ".2E", "g",
         ".4G", "n", "#", "#.0f", ",.2f", "_", ",", "+.2e", "x>30.4g"]
for z in vals:
    print([f"{z:{s}}" for s in specs])
print("{:.1f} and {!r:>10} and {}".format(1 - 1j, 2j, -1j), "%s %r" % (1j, 1 + 1j))
for s in ["010", "0>10", "=10", "%", "d", "s", "c", "x"]:
    try:
        print(s, f"{1 + 2j:{s}}")
    except ValueError:
        print(s, "ValueError")
for fmt in ["%f", "%d", "%x"]:
    try:
        print(fmt % 1j)
    except TypeError:
        print(fmt, "TypeError")
