# exec/eval check their namespaces and argument count (a fuzzer found exec("a=1", ",") crashing).
for f in (exec, eval):
    for args in [("1", ","), ("1", {}, 5), ("1", 5), tuple("a, b = [1]"), ("1", [], None)]:
        try:
            f(*args)
            print("ok")
        except TypeError:
            print(f.__name__, "TypeError")
g = {}
exec("a = 1", g)
print(g["a"], eval("a + 1", g), eval("a + b", g, {"b": 5}), eval("2", None, None))
exec("c = a * 3", g, g)
print(g["c"])
