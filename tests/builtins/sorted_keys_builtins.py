# sorted with builtin functions as keys.
print(sorted(["ccc", "a", "bb"], key=len))
print(sorted([-3, 1, -2], key=abs))
print(sorted(["b", "A", "c"], key=str.lower))
print(sorted([(1, "b"), (0, "z")], key=max))
print(sorted(["10", "9", "100"], key=int), sorted(["10", "9", "100"]))
