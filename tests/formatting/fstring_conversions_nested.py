# f-string conversions with format specs, nested replacement fields in specs, dict/attr access inside.
class P:
    name = "pt"
    def __repr__(self):
        return "P<%s>" % self.name
d = {"k": [10, 20]}
p = P()
width, prec, fill = 8, 2, "_"
print(f"{p!r:>{width}}|{p!s:<{width}}|{p.name!r}")
print(f"{d['k'][1]:{fill}^{width}}|{3.14159:{width}.{prec}f}|{255:#0{width}x}")
print(f"{'left':<{width - 2}}|{-42:+{width}d}|{1234567:,}|{0.256:.1%}")
print(f"{width!r:>4}", f"{'x' * 3}", f"{len(d)}", f"{[f'{i}' for i in range(3)]}")
