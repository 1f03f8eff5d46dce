# Membership in sets uses hashing and equality; duplicates collapse.
words = "the quick brown the lazy quick".split()
unique = set(words)
print(len(unique), sorted(unique))
print("the" in unique, "fox" in unique)
seen = set()
order = []
for w in words:
    if w not in seen:
        seen.add(w)
        order.append(w)
print(order)
print(sorted({(x % 3, x % 2) for x in range(10)}))
