# eval and exec with explicit namespaces.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(a):\n    return a * 10\ny = f(4)", ns)
print(ns["y"], ns["f"](1))
g = {"base": 5}
exec("result = base ** 2", g)
print(g["result"])
local_ns = {"v": 1}
exec("v += 1", {}, local_ns)
print(local_ns["v"])
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
