# Inherited methods from object; overriding __eq__ changes `in` and list.index.
class Item:
    def __init__(self, key):
        self.key = key
    def __eq__(self, other):
        return isinstance(other, Item) and other.key == self.key
    __hash__ = None
items = [Item(1), Item(2)]
print(Item(2) in items, items.index(Item(2)), items.count(Item(1)))
try:
    {Item(1)}
except TypeError:
    print("TypeError unhashable")
print(Item(1) != Item(2), Item(1) != Item(1))
