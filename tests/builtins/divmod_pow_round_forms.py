# divmod, pow and abs with mixed types; pow(0, 0); abs of big, float, bool.
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2**70, 3), divmod(True, 2))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-8, 1 / 3) if False else pow(0, 0), pow(10, 20))
print(abs(-5), abs(-2.5), abs(-(2**80)), abs(True), abs(-0.0))
for bad in [lambda: divmod("a", 1), lambda: abs("a"), lambda: pow("a", 2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
