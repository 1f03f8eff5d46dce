# user attributes on exception instances, args reassignment, and exceptions stored for later use.
e = ValueError("msg")
e.extra = 42
e.args = ("changed", 1)
print(e.extra, e.args, str(e))
errors = {}
for i, op in enumerate([lambda: 1 / 0, lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: None.attr]):
    try:
        op()
    except Exception as ex:
        errors[i] = type(ex).__name__
print(errors)
