# Bare raise re-raises the active exception.
def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("re-raised", e.args)
def g():
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("raised saved", e.args)
try:
    try:
        raise IndexError(1)
    except IndexError as e:
        raise e
except IndexError as e:
    print("raise e", e.args)
