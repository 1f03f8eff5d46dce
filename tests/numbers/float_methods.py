# float.is_integer, int(float) truncation, float(str) parsing forms, and conversion errors.
print((3.0).is_integer(), (3.5).is_integer(), (-0.0).is_integer(), (1e20).is_integer())
print(int(3.9), int(-3.9), int(1e20), int(-0.5), float(" 1.5 "), float("-inf"), float("1e-3"), float("+2"))
print(float(".5"), float("5."), float("1_000.5"), float("NaN") != float("nan"), float("Infinity"))
for bad in ["", "1.2.3", "abc", "1e", "--1", "1_"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, repr(bad))
for bad in [float("inf"), float("nan")]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
