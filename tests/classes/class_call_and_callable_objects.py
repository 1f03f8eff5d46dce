# __call__ on instances with args and kwargs; callable objects as key functions and decorators.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), sorted([3, 1, 2], key=Adder(-10)), list(map(add5, [0, 1])))
class Counted:
    def __init__(self, f):
        self.f, self.calls = f, 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@Counted
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
