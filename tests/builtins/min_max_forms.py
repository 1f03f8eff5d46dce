# min/max with several args, key, default, on strings and mixed numbers; ties keep the first.
print(max(1, 5, 3), min("b", "a", "c"), max([1, 2], [1, 3]), min([3, 1, 2], key=lambda x: -x), max([], default=0))
print(max([(1, "a"), (1, "b")], key=lambda p: p[0]), min(["bb", "a", "cc"], key=len), max(1, 2.5, True), min(2**70, 1e30))
for bad in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max([1, "a"]), lambda: max(1, 2, default=0)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
