# Instance attributes added dynamically, listed through hasattr rather than __dict__ ordering.
class Bag:
    pass
b = Bag()
for name in ["alpha", "beta", "gamma"]:
    setattr(b, name, len(name))
print([getattr(b, n) for n in ["alpha", "beta", "gamma"]], hasattr(b, "delta"))
b.alpha += 10
del b.beta
print(b.alpha, hasattr(b, "beta"))
