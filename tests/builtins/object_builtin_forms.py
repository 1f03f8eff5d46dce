# object() instances: no attributes can be set, equality by identity, type and str forms.
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), isinstance(5, object))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__)
print(str(o).startswith("<object object at"), repr(o) == str(o))
