# Generator expressions close over the enclosing function's variables.
def scaled(values, factor):
    return list(v * factor for v in values)
print(scaled([1, 2, 3], 10))
def make_gen(limit):
    return (i for i in range(10) if i < limit)
print(list(make_gen(4)))
def later():
    n = 1
    g = (n * i for i in range(3))
    n = 100
    return list(g)
print(later())
