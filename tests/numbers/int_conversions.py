# int() from floats, bools, strings with bases and bin/oct/hex formatting.
print(int(3.9), int(-3.9), int(True), int(False), int(1e20))
print(bin(10), oct(10), hex(255), bin(-5), hex(-255), oct(0))
print(hex(2 ** 70), bin(1 << 40))
print(int("101", 2), int("-z", 36), int("  0x1F  ", 16), int("10", 0), int("0x10", 0))
print(int(" -  5".replace(" ", "")))
try:
    int(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    int(float("nan"))
except ValueError:
    print("ValueError")
try:
    int("12", 1)
except ValueError:
    print("ValueError base")
