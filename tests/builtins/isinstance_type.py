# isinstance, type and issubclass with builtin types.
values = [1, 1.5, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, range(1), len]
for v in values:
    print(type(v).__name__, isinstance(v, (list, tuple)), isinstance(v, object))
print(type(1) is int, type("") is str, type([]) == list, type(type(1)) is type)
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (str, list)))
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError")
