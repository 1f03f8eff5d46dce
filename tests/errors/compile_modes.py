# compile() in exec and eval modes produces code objects that can be run.
code = compile("a = 6 * 7", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["a"])
expr = compile("a + 1", "<string>", "eval")
print(eval(expr, ns))
try:
    compile("a = 1", "<string>", "eval")
except SyntaxError as e:
    print(type(e).__name__)
try:
    compile("x ===", "<string>", "exec")
except SyntaxError as e:
    print(type(e).__name__)
