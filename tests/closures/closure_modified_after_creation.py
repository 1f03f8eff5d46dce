# Closures read the variable, not a snapshot; nonlocal writes are visible to siblings.
def pair():
    value = "initial"
    def read():
        return value
    def write(v):
        nonlocal value
        value = v
    return read, write
r, w = pair()
print(r())
w("changed")
print(r())
def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    add(1)
    items = ["replaced"]
    return add(2), items
print(outer())
