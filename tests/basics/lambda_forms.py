# lambdas: defaults, *args/**kwargs, keyword-only, immediately invoked, nested, conditional bodies.
print((lambda: 1)(), (lambda x, y=2: x + y)(1), (lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
print((lambda x, *, k: x * k)(2, k=5), (lambda x: (lambda y: x + y))(10)(5), (lambda n: "even" if n % 2 == 0 else "odd")(3))
f = lambda: None
print(f.__name__, f(), sorted([(1, "b"), (0, "a")], key=lambda p: p[1]))
