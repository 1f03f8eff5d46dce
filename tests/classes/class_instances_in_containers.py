# Instances stored in lists, dicts and sets behave by identity unless __eq__/__hash__ say otherwise.
class Tag:
    def __init__(self, name):
        self.name = name
a, b = Tag("a"), Tag("a")
print(a == b, len({a, b}), len({a, a}), [a, b].index(b))
d = {a: 1, b: 2}
print(d[a], d[b], len(d))
print(sorted([Tag("z"), Tag("m")], key=lambda t: t.name)[0].name)
