# isinstance and issubclass accept nested tuples of types.
print(isinstance(1, (str, (float, int))), isinstance("s", (int, (float, (list, str)))))
print(issubclass(bool, (str, (int,))), isinstance([], ()))
