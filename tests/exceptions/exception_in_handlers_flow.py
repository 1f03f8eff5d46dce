# except/else/finally ordering with return, continue and break inside each clause.
def f(x):
    out = []
    try:
        if x == 1:
            raise ValueError
        out.append("try")
    except ValueError:
        out.append("except")
        return out + ["ret-except"]
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
print(f(0), f(1))
res = []
for i in range(4):
    try:
        if i % 2:
            continue
        res.append(i)
    finally:
        res.append("f%d" % i)
print(res)
