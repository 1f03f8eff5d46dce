# An exception raised in __exit__ replaces the body's exception.
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *info):
        raise RuntimeError("from exit")
try:
    with Bad():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e.args)
except ValueError:
    print("wrong")
try:
    with Bad():
        print("clean body")
except RuntimeError as e:
    print("RuntimeError on clean exit", e.args)
class BadEnter:
    def __enter__(self):
        raise KeyError("enter")
    def __exit__(self, *info):
        print("exit must not run")
try:
    with BadEnter():
        print("body must not run")
except KeyError as e:
    print("KeyError", e.args)
