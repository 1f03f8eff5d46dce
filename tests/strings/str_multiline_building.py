# Building multi-line text with join, formatting and splitting it back.
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("fig", 7, 10.0)]
lines = []
for name, qty, price in rows:
    lines.append("%-6s|%4d|%7.2f" % (name, qty, price))
table = "\n".join(lines)
print(table)
print(len(table.splitlines()), table.count("|"))
total = sum(q * p for _, q, p in rows)
print("total={:.2f}".format(total))
