# sorted with key and reverse; sort stability.
print(sorted([3, 1, 2]), sorted("bca"), sorted((3, 1)), sorted({3: 0, 1: 0}))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted(["b", "A", "a", "B"], key=lambda s: s.lower()))
records = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted([]), sorted([1]))
try:
    sorted([1, "a"])
except TypeError:
    print("TypeError")
