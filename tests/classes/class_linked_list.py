# A small linked list class with __iter__, __len__, __repr__ and __getitem__.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in reversed(list(items)):
            self.push(item)
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __getitem__(self, index):
        for i, v in enumerate(self):
            if i == index:
                return v
        raise IndexError(index)
    def __repr__(self):
        return "LinkedList(%r)" % list(self)
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[2], list(reversed(list(ll))))
try:
    ll[10]
except IndexError as e:
    print("IndexError", e.args)
