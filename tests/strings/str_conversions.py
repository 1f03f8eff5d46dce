# str() of various objects and int/float parsing of strings.
print(str(1), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)), str({"a": 1}))
print(int("42"), int("-7"), int("  12  "), int("+3"), int("1_000"))
print(float("1e3"), float("-0.5"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("nan") != float("nan"))
print(int("ff", 16), int("0xff", 16), int("777", 8), int("0o17", 0), int("0b101", 0), int("z", 36))
for bad in ["", "1.5", "abc", "1 2", "0x"]:
    try:
        int(bad)
    except ValueError:
        print("ValueError", repr(bad))
