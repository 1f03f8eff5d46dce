# Short-lived dicts and instances linked into cycles are reclaimed.
class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
checksum = 0
for i in range(5000):
    a, b = Node(i), Node(i + 1)
    a.other, b.other = b, a
    d = {"a": a, "b": b, i: [a, b]}
    checksum = (checksum + d["a"].other.v + len(d)) % 100003
print(checksum)
