# pass, Ellipsis and None as statements and values.
def nothing():
    pass
print(nothing())
print(...)
# The name of type(...) differs between implementations, so only identity is printed.
print(... is Ellipsis, ... == Ellipsis, bool(...))
class Empty:
    pass
print(type(Empty()).__name__)
if True:
    pass
print(None is None, type(None).__name__)
