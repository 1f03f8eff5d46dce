# Builtins can be shadowed locally and restored.
def f():
    list = "shadowed"
    return list
print(f(), list("ab"))
import builtins
print(builtins.len("xyz"), builtins.max(1, 5))
def g(str=int):
    return str("5") + 1
print(g())
