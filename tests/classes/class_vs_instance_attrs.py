# Instance attributes shadow class attributes; class attribute changes are shared.
class C:
    shared = []
    count = 0
    def __init__(self):
        C.count += 1
a = C()
b = C()
print(C.count, a.count, b.count)
a.count = 100
print(C.count, a.count, b.count)
a.shared.append(1)
print(b.shared, C.shared)
del a.count
print(a.count)
C.new_attr = "added later"
print(b.new_attr)
print(hasattr(a, "missing"), getattr(a, "missing", "fallback"))
