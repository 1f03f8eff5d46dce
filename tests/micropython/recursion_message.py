# MicroPython raises RuntimeError('maximum recursion depth exceeded'); CPython raises RecursionError with
# a different message, so the expected output is in the .exp file.
def down(n):
    return down(n + 1)
try:
    down(0)
except RuntimeError as e:
    print(type(e).__name__, e.args)
