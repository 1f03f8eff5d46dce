# A fresh cell per call of the factory, shared by closures created in that call.
def factory(n):
    def get():
        return n
    def setv(v):
        nonlocal n
        n = v
    return get, setv
pairs = [factory(i) for i in range(3)]
pairs[1][1](100)
print([g() for g, s in pairs])
def loop_cells():
    result = []
    for i in range(3):
        def make(j):
            return lambda: j * 10
        result.append(make(i))
    return [f() for f in result]
print(loop_cells())
