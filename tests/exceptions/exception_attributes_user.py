# Exceptions can carry arbitrary attributes set after creation.
try:
    e = ValueError("bad value")
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
