# Class bodies do not create closures for methods.
x = "module"
class C:
    x = "class"
    def method(self):
        return x
    def cls_x(self):
        return C.x
print(C().method(), C().cls_x())
def f():
    y = "enclosing"
    class D:
        def get(self):
            return y
    return D().get()
print(f())
