# lambda expressions with defaults, varargs and closures.
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a: a)(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))
print((lambda: "noargs")())
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(list(map(lambda x: x ** 2, range(5))))
print((lambda x, *, k: x + k)(1, k=2))
