# format spec: fill characters and < > ^ = alignment on strings and numbers.
for spec in ["10", "<10", ">10", "^10", "*^9", "-<6", "0>5", "x^4", "=10", "0=8", "+=8"]:
    for v in [42, -42, 3.5]:
        print(spec, repr(format(v, spec)))
for spec in ["10", "<10", ">10", "^11", ".^7", "3", "^1"]:
    print(spec, repr(format("abc", spec)))
try:
    format("abc", "=5")
except ValueError as e:
    print(type(e).__name__)
