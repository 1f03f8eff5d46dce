# An exception raised inside a handler replaces the original.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("outer got", type(e).__name__, e.args)
def handler_fails():
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
try:
    handler_fails()
except IndexError:
    print("IndexError from handler")
except ZeroDivisionError:
    print("wrong")
