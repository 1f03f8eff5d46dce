# except with a tuple of classes; bare raise in nested handlers re-raises the current exception.
def f(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except (ValueError,):
        return "value"
print(f(KeyError()), f(IndexError()), f(ValueError()))
try:
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise
except KeyError as e:
    print("re-raised outer", e.args)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__)
