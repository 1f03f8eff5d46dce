# the `as` name is deleted after the except block; exceptions are ordinary objects afterwards.
try:
    raise ValueError("v")
except ValueError as err:
    saved = err
try:
    err
except NameError:
    print("err unbound")
print(type(saved).__name__, saved.args)
errors = []
for cls in (KeyError, IndexError):
    try:
        raise cls("x")
    except Exception as e:
        errors.append(e)
print([type(e).__name__ for e in errors])
