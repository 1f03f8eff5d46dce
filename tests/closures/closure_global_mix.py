# global and nonlocal in the same nest of functions.
g = "global"
def outer():
    g = "outer local"
    def use_global():
        global g
        g = "changed global"
    def use_local():
        return g
    use_global()
    return use_local()
print(outer(), g)
def counter_gen():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
a = counter_gen()
print([a(i) for i in range(5)])
