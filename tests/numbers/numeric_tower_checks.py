# isinstance checks across int, float, bool.
for v in [0, 1.0, True, 2 ** 80, -0.0]:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, float), isinstance(v, (int, float)))
