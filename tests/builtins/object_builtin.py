# object() instances have no instance dict and compare by identity.
o = object()
print(type(o).__name__, o == o, o == object(), isinstance(o, object))
try:
    o.attr = 1
except AttributeError:
    print("AttributeError")
print(isinstance(5, object), isinstance(object, object), issubclass(type, object))
