# MicroPython behaviour: a big-int result that cannot fit in the heap raises MemoryError
# (CPython would compute it for minutes). Found by the fuzzer: `3 ** 45678901` ran unbounded.
for expr in ("3 ** 45678901", "1 << (1 << 40)", "(-7) ** 4000000000"):
    try:
        eval(expr)
        print(expr, "computed")
    except MemoryError:
        print(expr, "MemoryError")
# Results that fit are unaffected, and 0 / 1 / -1 to a huge power stay small.
print(1 ** 100000000000, (-1) ** 4000000001, 0 ** 4000000000, 0 << (1 << 40))
print(2 ** 100, len(str(7 ** 5000)), (1 << 1000) >> 998)
