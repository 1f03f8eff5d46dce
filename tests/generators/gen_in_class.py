# Generator methods and __iter__ implemented as a generator.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t))
print(list(t.leaves()))
print(sum(t), max(t))
