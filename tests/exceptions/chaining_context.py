# implicit chaining: an exception raised while handling another sets __context__.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")
except KeyError as e:
    print(type(e.__context__).__name__, e.__context__.args, e.__cause__)
try:
    raise TypeError("alone")
except TypeError as e:
    print(e.__context__, e.__cause__)
