# range() bounds must fit a machine word, as in MicroPython: a bigger bound raises OverflowError.
# CPython's range takes ints of any size.
for args in [(2**64,), (0, 2**64), (-(2**64), 0), (0, 10, 2**70)]:
    try:
        range(*args)
        print("made")
    except OverflowError:
        print("OverflowError")
print(len(range(2**40)), list(range(2**40, 2**40 + 2)))
