# KeyboardInterrupt is not caught by `except Exception`.
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong handler")
except BaseException as e:
    print("BaseException handler", type(e).__name__)
