# Evaluation order in assignments: right side first, targets left to right.
log = []
def val(v):
    log.append(v)
    return v
a = [0, 0, 0]
a[val(0)], a[val(1)] = val("x"), val("y")
print(a, log)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
x = y = []
x.append(1)
print(y, x is y)
log.clear()
d = {}
d[val("k")] = val("v")
print(log)
