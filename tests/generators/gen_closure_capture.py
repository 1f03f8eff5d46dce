# Generators capture their arguments and enclosing variables.
def make(prefix):
    def gen(n):
        for i in range(n):
            yield prefix + str(i)
    return gen
g1 = make("a")
g2 = make("b")
print(list(g1(2)), list(g2(3)))
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(3):
        bump()
        yield count
print(list(counter_gen()))
