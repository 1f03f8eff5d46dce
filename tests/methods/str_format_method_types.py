# str.format on many value types: None, bools, lists, dicts, nested containers, with specs.
print("{} {} {} {}".format(None, True, [1, "a"], {"k": (1,)}))
print("{:>6}|{:<6}|{:^6}|".format(True, None, "ab"), "{:d} {:5.1f} {:x}".format(True, 2, False))
print("{0}{1}{0}".format("ab", "-"), "{:*>{}}".format("x", 4), "{:.{}f}".format(3.14159, 2))
