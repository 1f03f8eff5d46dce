# Nested replacement fields in format specs and conversions.
width = 8
prec = 3
value = 2.718281828
print(f"{value:{width}.{prec}f}|")
print(f"{'x':>{width}}|")
items = ["a", "bb"]
print(f"{items[1]!r:>6}|")
d = {"k": 5}
print(f"{d['k'] * 2}")
print(f"{len(items) if items else 0}")
print(f"{(lambda v: v + 1)(1)}")
