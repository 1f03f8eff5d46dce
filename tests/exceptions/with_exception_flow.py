# with statement: __exit__ receives the exception, may suppress it, and runs on return/break.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev.args if ev else None)
        return self.suppress
def f():
    with CM("ret"):
        return "value"
print(f())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            break
with CM("outer", True), CM("inner"):
    raise KeyError("k")
print("after")
