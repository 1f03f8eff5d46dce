# __exit__ receives the exception type and value (or Nones); MicroPython passes None as the traceback.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, tb):
        print(exc_type is None, exc_value is None)
        if exc_type:
            print(exc_type.__name__, isinstance(exc_value, exc_type))
        return True
with Inspect():
    pass
with Inspect():
    raise IndexError(3)
print("done")
