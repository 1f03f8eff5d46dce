# globals() is the module dict (writable); locals() at module level equals globals().
g = globals()
g["made_here"] = 123
print(made_here, "g" in globals(), locals() is globals(), __name__)
def f():
    return "f" in globals()
print(f(), globals()["f"] is f)
