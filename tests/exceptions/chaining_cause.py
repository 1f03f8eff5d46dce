# __suppress_context__ after raise ... from (an exception or None); a cause given as a class is
# instantiated; a cause that is not an exception is a TypeError.
def convert(cause):
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise ValueError("outer") from cause
    except ValueError as e:
        return e
for cause in [TypeError("explicit"), None, IndexError]:
    e = convert(cause)
    print(type(e.__cause__).__name__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__)
try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
