# small programs with classes: ordering/hashing user objects in builtins, a recursive tree iterator,
# a dict subclass used as a decorator registry.
class Item:
    __slots__ = ("name", "price")
    def __init__(self, name, price):
        self.name, self.price = name, price
    def __repr__(self):
        return "Item(%r, %r)" % (self.name, self.price)
    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)
    def __eq__(self, other):
        return isinstance(other, Item) and (self.name, self.price) == (other.name, other.price)
    def __hash__(self):
        return hash((self.name, self.price))
items = [Item("b", 2), Item("a", 2), Item("c", 1)]
print(sorted(items), min(items), max(items), Item("a", 2) in items, len({Item("x", 1), Item("x", 1)}))
print(sorted(items, key=lambda i: i.name), [i.name for i in items if i.price > 1], {i.name: i.price for i in items})
by_price = {}
for i in items:
    by_price.setdefault(i.price, []).append(i.name)
print(sorted(by_price.items()))
class Node:
    def __init__(self, v, *kids):
        self.v, self.kids = v, list(kids)
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def depth(self):
        return 1 + max((k.depth() for k in self.kids), default=0)
t = Node(1, Node(2, Node(4)), Node(3, Node(5, Node(6))))
print(list(t), t.depth(), sum(t), sorted(t, reverse=True)[:3])
class Registry(dict):
    def register(self, name):
        def deco(f):
            self[name] = f
            return f
        return deco
reg = Registry()
@reg.register("double")
def double(x):
    return 2 * x
print(reg["double"](21), list(reg), isinstance(reg, dict), len(reg))
