# raise ... from ... still raises the new exception; attributes record the cause.
try:
    try:
        1 / 0
    except ZeroDivisionError as exc:
        raise ValueError("converted") from exc
except ValueError as e:
    print(type(e).__name__, e.args)
    print(type(e.__cause__).__name__)
try:
    raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(type(e).__name__, e.args, e.__cause__)
