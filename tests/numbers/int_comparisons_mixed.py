# comparisons between small ints, big ints and floats around precision boundaries.
big = 2**53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(2**64 == 2.0**64, 2**64 + 1 > 2.0**64, -(2**64) - 1 < -(2.0**64), 10**20 < 1e20 + 1e5, 1e20 == 10**20)
print(sorted([2**64, 1.5, -2**64, 0, 2.0**64 + 4096]), max(2**70, 1e21), 3 == 3.0000000000000001)
print(1 < 2**100, -(2**100) < -1, 2**100 == 2**100, 2**100 != 2**100 + 1, (2**100 > 2**99) is True)
