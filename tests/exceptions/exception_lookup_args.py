# Builtin lookup errors carry the key or index in args where both implementations agree.
try:
    {"a": 1}["b"]
except KeyError as e:
    print(e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(e.args)
try:
    s = set()
    s.remove(7)
except KeyError as e:
    print(e.args)
