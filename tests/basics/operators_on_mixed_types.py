# Operators between mismatched types raise TypeError; valid mixes work.
ops = [
    lambda: [1] * 2, lambda: "ab" * 2, lambda: (1,) * 2, lambda: 2 * [0],
    lambda: [1] + "a", lambda: "a" - "b", lambda: {1} + {2}, lambda: {} + {},
    lambda: 1 + None, lambda: -"a", lambda: ~1.5, lambda: [1] * 1.5, lambda: "a" < 1,
]
for op in ops:
    try:
        print(op())
    except TypeError:
        print("TypeError")
