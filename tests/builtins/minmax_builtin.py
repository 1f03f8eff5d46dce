# min/max with iterables, several args, key and default.
print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max("hello"), min((5, 4)))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([], default="empty"), min([], default=None), max([1], default=0))
print(max([(1, "b"), (1, "a")]), max([-3, 2, -5], key=abs), min("bca", key=lambda c: -ord(c)))
print(max(1, 2, key=lambda v: -v), max([1, 3, 3, 2], key=lambda v: v // 2))
try:
    max([])
except ValueError:
    print("ValueError empty")
try:
    min(1)
except TypeError:
    print("TypeError not iterable")
