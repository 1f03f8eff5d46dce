# and/or return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" and "y")
print(None or 0 or [] or "last")
print(not None, not [], not [0])
calls = []
def f(v):
    calls.append(v)
    return v
print(f(0) and f(1), calls)
calls.clear()
print(f(1) or f(2), calls)
print(True + True, True * 10, False - 1)
print(bool(0.0), bool(-1), bool(""), bool(" "), bool(()), bool({}))
