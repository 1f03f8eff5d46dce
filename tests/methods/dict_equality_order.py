# dict equality ignores order; iteration follows insertion order including after delete and re-insert.
a = {1: "a", 2: "b"}
b = {2: "b", 1: "a"}
print(a == b, a != {1: "a"}, {} == {}, {1: 1} == {1: 1.0}, {1: [1]} == {1: [1]})
a[3] = "c"; del a[1]; a[1] = "again"; print(list(a), list(a.values()))
c = dict(a); c[2] = "changed"; print(a[2], c[2], len(c))
print({True: 1, 1: 2, 1.0: 3})
d = {}
for i in range(50):
    d[i] = i * i
for i in range(0, 50, 2):
    del d[i]
print(len(d), list(d)[:5], sum(d.values()))
