# starred assignment targets in all positions, nested unpacking, and unpacking errors.
a, *b = [1, 2, 3]; *c, d = "xyz"; e, *f, g = range(5); h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(p, q), [r, *s] = (1, 2), [3, 4, 5]
print(p, q, r, s)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
print([*range(3), *"ab"], (*[1], 2), {*[1, 1], 2}, {**{"a": 1}, "b": 2, **{"a": 3}})
for bad in ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
