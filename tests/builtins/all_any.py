# all and any short-circuit and handle empty iterables.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]))
print(all("abc"), any(""), all([[]]), any([[]]))
seen = []
def check(v):
    seen.append(v)
    return v
print(any(check(v) for v in [0, 1, 2]), seen)
seen.clear()
print(all(check(v) for v in [1, 0, 2]), seen)
