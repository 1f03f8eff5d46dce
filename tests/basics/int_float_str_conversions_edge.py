# str/repr of numbers inside containers, int() of floats in strings, str() of special values.
print(str(10**20), repr(-0.0), str(1e16), str([1.0, -2.5e-5]), str((1,)), str({1: 2.0}))
print(int(float("12.0")), float(int("12")), str(True + 0.5), repr(1.0 * 3), 7.0 == 7, hash(7.0) == hash(7))
for bad in ["12.0", "1e3"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, bad)
