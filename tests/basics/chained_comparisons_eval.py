# chained comparisons evaluate each operand once and short-circuit.
def v(x, log):
    log.append(x)
    return x
log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(1, log), log)
print(1 < 2 > 1 != 3 == 3, 1 == 1.0 < 2, "a" < "b" < "c", 1 in [1] in [[1]], 2 is not None is not False)
