# nonlocal across several nested levels, and a cell shared by sibling closures.
def outer():
    x = 0
    def mid():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    def reset():
        nonlocal x
        x = 100
    return mid(), reset, lambda: x
inner, reset, read = outer()
inner(); inner()
print(read())
reset(); inner()
print(read())
def shadow():
    x = "outer"
    def f():
        x = "local"
        return x
    return f(), x
print(shadow())
