# Lambdas referring to themselves through a global name, and default-argument capture.
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(12))
adders = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in adders])
key_of = lambda pair: (-pair[1], pair[0])
print(sorted({"a": 2, "b": 3, "c": 2}.items(), key=key_of))
