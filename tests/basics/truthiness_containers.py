# Empty containers are falsy; non-empty are truthy.
for v in [[], [0], (), (None,), {}, {0: 0}, set(), {0}, "", "0", b"", b"\x00", range(0), range(1), 0, 0.0, -1]:
    print(repr(v), bool(v), "yes" if v else "no")
