# Raising something that is not an exception is a TypeError.
for bad in [5, "text", None, object()]:
    try:
        raise bad
    except TypeError:
        print("TypeError", type(bad).__name__)
class NotExc:
    pass
try:
    raise NotExc
except TypeError:
    print("TypeError class not derived from BaseException")
try:
    try:
        pass
    except 5:
        pass
    print("except clause with bad type not evaluated without an exception")
except TypeError:
    print("unexpected")
