# Closures capture variables from enclosing scopes.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
