# truth testing: __bool__ first, then __len__, else True; errors for wrong return types.
def truth_class(value):
    return type("B", (), {"__bool__": lambda self: value})
class L:
    def __len__(self):
        return 0
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(truth_class(True)()), bool(truth_class(False)()), bool(L()), bool(Both()), bool(object()), not L(), "yes" if Both() else "no")
for bad in [truth_class(1)(), truth_class(None)()]:
    try:
        bool(bad)
    except TypeError as e:
        print(type(e).__name__)
