# dir() lists names; globals() is the module namespace (locals() in functions differs in MicroPython).
x_marker = 1
print("x_marker" in dir(), "x_marker" in globals(), globals()["x_marker"])
g = globals()
g["injected"] = 42
print(injected)
print("upper" in dir("s"), "append" in dir([]))
class K:
    attr = 1
    def meth(self):
        pass
print(sorted(n for n in dir(K) if not n.startswith("__")))
