# attribute lookup order, class attribute shadowing, mutation through class vs instance, deletion.
class C:
    shared = []
    count = 0
    def __init__(self):
        self.count += 1
a, b = C(), C()
a.shared.append(1)
print(a.count, b.count, C.count, b.shared, a.shared is C.shared)
a.count = 10; del a.count; print(a.count)
C.count = 5; print(a.count, b.count)
try:
    del a.count
except AttributeError as e:
    print(type(e).__name__)
C.new_attr = "late"; print(a.new_attr)
def m(self):
    return "added"
C.m = m; print(a.m(), C.m(b))
