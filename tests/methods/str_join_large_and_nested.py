# join of many pieces, join of generator results, and nested joins.
parts = [str(i) for i in range(200)]
s = ",".join(parts)
print(len(s), s[:20], s[-10:], s.count(","))
print("\n".join(" ".join(str(c * r) for c in range(1, 4)) for r in range(1, 4)))
