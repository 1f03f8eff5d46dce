# GC pressure on tuple-subclass instances carrying instance dicts, and on namedtuples holding them.
import gc, collections
class T(tuple):
    pass
P = collections.namedtuple("P", "a b")
keep = []
for i in range(3000):
    t = T((i, str(i)))
    t.attr = [i] * 3
    p = P(i, t)
    if i % 100 == 0:
        keep.append(p)
    if i % 500 == 0:
        gc.collect()
print(len(keep), keep[-1].b.attr, keep[3].b, sum(p.a for p in keep))
