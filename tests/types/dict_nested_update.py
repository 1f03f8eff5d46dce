# Nested dictionaries and counting patterns.
inventory = {}
for fruit, qty in [("apple", 3), ("pear", 2), ("apple", 4), ("fig", 1)]:
    entry = inventory.setdefault(fruit, {"qty": 0, "orders": 0})
    entry["qty"] += qty
    entry["orders"] += 1
print(inventory)
print(sorted(inventory, key=lambda k: inventory[k]["qty"], reverse=True))
print({k: v["qty"] for k, v in inventory.items() if v["orders"] > 1})
