# class attributes holding mutable objects are shared; instance assignment shadows instead of mutating.
class Bag:
    items = []
    tags = {}
    def add(self, x):
        self.items.append(x)
    def reset(self):
        self.items = []
a, b = Bag(), Bag()
a.add(1); b.add(2)
print(Bag.items, a.items is b.items)
a.reset(); a.add(3)
print(a.items, b.items, Bag.items, "items" in vars(a), "items" in vars(b))
