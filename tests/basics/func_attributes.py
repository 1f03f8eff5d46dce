# Functions are objects: names, passing, storing (MicroPython has no user-defined function attributes).
def hello():
    return "hi"
print(hello.__name__)
f = hello
print(f(), f is hello)
table = {"h": hello, "l": len}
print(table["h"](), table["l"]("abc"))
def apply(fn, *a):
    return fn(*a)
print(apply(max, 3, 9, 2))
print(callable(hello), callable(5))
print(hello() + "!", (lambda: 0).__name__ == "<lambda>")
