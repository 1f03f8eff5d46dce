# Exceptions can carry arbitrary attributes set after creation.
# Only subclasses: MicroPython does not support attributes on instances of builtin exceptions.
class FieldError(ValueError):
    pass
try:
    e = FieldError("bad value")
    e.field = "name"
    raise e
except ValueError as caught:
    print(caught.field, caught.args)
class Err(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.count = len(args)
try:
    raise Err(1, 2, 3)
except Err as x:
    print(x.count, x.args)
