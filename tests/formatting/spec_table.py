# A table of format() results: many values (ints, big ints, floats) against many format specs.
vals = [0, 1, -1, 7, 255, -4096, 123456789, 2**70, 0.0, -0.0, 1.5, -2.25, 3.14159265358979, 1e-7, 1e22, 123456.789, 0.5, 2.5, 1e300]
specs = ["", "5", "<8", ">8", "^9", "*^9", "=+9", "+", " ", "08", "+08", ",", "_", "12,", "b", "o", "x", "X", "#b", "#x", "#o",
         "e", ".0e", ".3E", "f", ".0f", ".1f", "10.4f", "F", "g", ".0g", ".1g", ".3g", ".15g", "G", "#g", "%", ".1%", "n", "c", "d", "010.2f", "-^12.3e", "+,.2f", "_.3f", "#.0f", "#.0e"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(v), row)
