# sign options (+ - space) and the # alternate form for b o x X and floats.
for v in [0, 5, -5]:
    print(repr(format(v, "+")), repr(format(v, "-")), repr(format(v, " ")), repr(format(v, "+05")))
for v in [0, 10, -255]:
    print(format(v, "#b"), format(v, "#o"), format(v, "#x"), format(v, "#X"), format(v, "#010x"), format(v, "b"))
print(format(2.0, "#g"), format(1.5, "+.2f"), format(-0.0, "f"), format(-0.0, "+"), format(0.0, " e"))
print(format(3, "#.0f") if False else format(3.0, "#.0f"), format(255, "x"), format(255, "X"), format(8, "o"))
