# class-level __getattr__ only affects instances; getattr on classes; methods looked up on the type.
class D:
    def __getattr__(self, name):
        return "dyn-" + name
d = D()
print(d.anything, getattr(d, "x"), hasattr(D, "anything"))
d.real = 1; print(d.real)
class M:
    def __len__(self):
        return 3
m = M()
m.__len__ = lambda: 99
print(len(m), m.__len__())
