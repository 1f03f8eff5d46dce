# names seen by nested functions, eval/exec/compile with the module's and explicit namespaces,
# a global statement inside exec'd code, and assignment rejected by eval.
x = 10
def f():
    print(x)
f()
def g():
    x = 20
    def h():
        return x
    x = 30
    return h()
print(g())
def k():
    exec("y = 5")
    return "y" in dir()
print(type(k()).__name__)
try:
    eval("x = 1")
except SyntaxError:
    print("SyntaxError for assignment in eval")
print(eval("x + 1"), eval("[i for i in range(x) if i % 3 == 0]"), eval("(lambda z: z + x)(1)"))
ns = {"a": 2}
exec("def sq(): return a * a", ns)
print(ns["sq"](), eval("sq() + 1", ns))
code = compile("r = 40 + 2", "<str>", "exec")
exec(code); print(r)
exec("global gg\ngg = 'set globally'")
print(gg)
print(eval("__name__"), eval("len", {"len": lambda s: -1})("abc") if False else eval("len('ab')", {}))
