# Name resolution order: local, enclosing, global, builtin.
len = "global shadow of len"
def f():
    return len
print(f())
del len
print(len("abc"))
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def local_wins():
    x = "local"
    return x
print(local_wins(), x)
def uses_builtin():
    return max(1, 2)
print(uses_builtin())
