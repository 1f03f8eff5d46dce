# pass, Ellipsis and None as statements and values.
def nothing():
    pass
print(nothing())
print(...)
print(... is Ellipsis, type(...).__name__)
class Empty:
    pass
print(type(Empty()).__name__)
if True:
    pass
print(None is None, type(None).__name__)
