# SystemExit.code for no argument, ints, strings and tuples; not caught by except Exception.
for args in [(), (0,), (3,), ("msg",), (1, 2)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(args, e.code, e.args)
try:
    try:
        raise SystemExit(4)
    except Exception:
        print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
