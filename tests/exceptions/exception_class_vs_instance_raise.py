# raising a class instantiates it; raising an instance keeps its args; raising non-exceptions fails.
for thing in [ValueError, ValueError("x"), KeyError, StopIteration]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args, isinstance(e, BaseException))
class NotExc:
    pass
for bad in [NotExc, NotExc(), 5, "str"]:
    try:
        raise bad
    except TypeError as e:
        print("TypeError")
