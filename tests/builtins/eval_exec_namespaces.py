# eval/exec with explicit globals and locals dicts, compile() modes, return values.
g = {"x": 10}
print(eval("x * 2", g), eval("y + 1", {}, {"y": 1}), eval("len('abc')"), eval(" 1 + 1 "))
exec("z = x + 1\ndef f(): return z * 2", g)
print(g["z"], g["f"]())
l = {}
exec("a = 5\nb = a * 2", {}, l); print(sorted(l.items()))
code = compile("q = 7", "<s>", "exec"); ns = {}; exec(code, ns); print(ns["q"])
print(eval(compile("3 ** 2", "<e>", "eval")), exec("1 + 1"))
for bad in ["1 +", "x = = 2"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__)
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__)
