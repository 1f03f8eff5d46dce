# bin/hex/oct on negatives, zero, big ints and __index__ objects; format() equivalents.
for n in [0, 1, -1, 255, -256, 2**64, -(2**70) + 1]:
    print(bin(n), oct(n), hex(n), format(n, "#x") == hex(n))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__)
