# Module-level state shared between functions through global.
registry = {}
next_id = 0
def register(name):
    global next_id
    next_id += 1
    registry[name] = next_id
    return next_id
def lookup(name):
    return registry.get(name, -1)
for n in ["a", "b", "c"]:
    register(n)
print(registry, next_id, lookup("b"), lookup("zz"))
