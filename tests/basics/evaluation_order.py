# Operands, arguments and dict displays are evaluated left to right.
log = []
def t(v):
    log.append(v)
    return v
t(1) + t(2) * t(3)
print(log)
log.clear()
def f(*a, **k):
    return a
f(t("a"), t("b"), k=t("c"))
print(log)
log.clear()
{t("k1"): t("v1"), t("k2"): t("v2")}
print(log)
log.clear()
[t(i) for i in range(3)]
t("x") if t("cond") else t("y")
print(log)
log.clear()
t(1) < t(2) < t(0) < t(99)
print(log)
