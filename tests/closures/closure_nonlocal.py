# nonlocal rebinds a variable in the enclosing function.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = 1
    def mid():
        nonlocal x
        x = 2
        def inner():
            nonlocal x
            x = 3
        inner()
    mid()
    return x
print(outer())
def shared():
    v = []
    def put(i):
        v.append(i)
    def get():
        return v
    return put, get
put, get = shared()
put(1); put(2)
print(get())
