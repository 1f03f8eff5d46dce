# Unpacking generalisations in calls and displays.
def f(*a, **k):
    return a, sorted(k.items())
print(f(*"ab", *[1], 2, *range(2)))
print(f(**{"a": 1}, b=2, **{"c": 3}))
print([*"hi", *[1, 2]], (*range(3),), {*"aab"} == {"a", "b"})
print({**{"x": 1}, "y": 2, **{"x": 3}})
first, *_, last = range(10)
print(first, last)
