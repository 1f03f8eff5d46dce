# __context__ is set for exceptions raised in __exit__, in functions called from handlers, and in finally.
class R:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit")
try:
    with R():
        raise ValueError("body")
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__context__.args)
def helper():
    raise KeyError("helper")
try:
    try:
        raise ValueError("a")
    except ValueError:
        helper()
except KeyError as e:
    print(type(e.__context__).__name__)
try:
    try:
        raise IndexError("first")
    finally:
        raise TypeError("second")
except TypeError as e:
    print(type(e.__context__).__name__)
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e:
    print(e.__context__)
