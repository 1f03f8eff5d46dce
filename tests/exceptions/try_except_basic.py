# try/except catching by exact type and by tuple.
def attempt(fn):
    try:
        fn()
        print("no exception")
    except ZeroDivisionError:
        print("ZeroDivisionError")
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
attempt(lambda: 1 / 0)
attempt(lambda: {}["k"])
attempt(lambda: [][0])
attempt(lambda: int("x"))
attempt(lambda: None)
