# The name bound by `except ... as` is deleted after the handler.
try:
    raise ValueError("x")
except ValueError as err:
    print("inside", err.args)
try:
    print(err)
except NameError:
    print("err unbound after handler")
err = "kept?"
try:
    raise KeyError
except KeyError as err:
    pass
print("defined" if "err" in dir() else "deleted")
