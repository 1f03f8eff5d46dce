# Errors in code that never runs are still reported at compile time; runtime errors only when executed.
src_runtime = "def f():\n    return undefined_name\n"
ns = {}
exec(src_runtime, ns)
print("defined without error")
try:
    ns["f"]()
except NameError:
    print("NameError at call time")
src_compile = "def g():\n    if False:\n        return 1 +\n"
try:
    exec(src_compile, {})
except SyntaxError as e:
    print(type(e).__name__, "before running")
