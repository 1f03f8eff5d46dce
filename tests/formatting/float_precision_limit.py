# Huge float precisions are refused with ValueError, never a crash (found by the fuzzer).
for spec in [".7891234567891234561f", ".3000000000f", ".3000000000e", ".3000000000g", ".3000000000%"]:
    try:
        format(-0.0, spec)
    except ValueError as e:
        print("ValueError", e)
for fmt in ["%.3000000000f", "%.3000000000e"]:
    try:
        fmt % 1.5
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(len(format(1.0, ".1000f")), format(2.5, ".60f")[-5:], len("%.500e" % 1.0))
