# Results whose size the program chooses and no board's memory could hold raise MemoryError
# (OverflowError for a count beyond a machine word) instead of failing a native allocation
# (a fuzzer found `"ab" * 2711111111155772` aborting the interpreter); normal sizes still work.
N = 10 ** 15
for make in [
    lambda: "ab" * N,
    lambda: N * "ab",
    lambda: b"ab" * N,
    lambda: bytearray(b"ab") * N,
    lambda: [1, 2] * N,
    lambda: (1,) * N,
    lambda: "a".ljust(N),
    lambda: "a".rjust(N, "\u00e9"),
    lambda: "a".center(N),
    lambda: "-1".zfill(N),
    lambda: "a\tb".expandtabs(N),
    lambda: bytes(N),
    lambda: bytearray(N),
    lambda: (1).to_bytes(N, "big"),
]:
    try:
        make()
        print("built")
    except MemoryError:
        print("MemoryError")


def grow():
    b = bytearray(b"x")
    b *= N


for make in [grow, lambda: bytes(2 ** 100), lambda: "%.*f" % (10 ** 9, 1.5)]:
    try:
        make()
        print("built")
    except MemoryError:
        print("MemoryError")
    except OverflowError as e:
        print("OverflowError")
    except ValueError as e:
        print("ValueError", e)
print(len("ab" * 1000), "a".center(7, "\u00e9"), len(bytes(100)), "a\tb".expandtabs(4))
print((1).to_bytes(4, "big"), "-7".zfill(5), len(bytearray(b"xy") * 3))
