# if/elif/else chains and truthiness of various objects.
def classify(v):
    if v is None:
        return "none"
    elif isinstance(v, str) and not v:
        return "empty str"
    elif v:
        return "truthy"
    else:
        return "falsy"
for v in [None, "", "a", 0, 1, [], [0], 0.0, {}, {1: 2}]:
    print(repr(v), classify(v))
if 0:
    print("no")
elif 0:
    print("no")
print("after")
