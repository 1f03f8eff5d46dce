# startswith/endswith with start/end indices and rsplit(None, n). MicroPython proper does not
# implement these (documented difference); micropython-rs follows CPython.
print("hello".startswith("l", 2), "hello".endswith("l", 0, 4), "hello".startswith("he", 1))
print("x y z".rsplit(None, 1), "a  b c".rsplit(None, 5))
