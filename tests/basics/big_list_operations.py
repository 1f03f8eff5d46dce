# Larger lists: building, slicing, sorting, and membership over a few thousand elements.
data = [(i * 7919) % 1009 for i in range(3000)]
print(len(data), sum(data), min(data), max(data))
s = sorted(data)
print(s[:5], s[-5:], s[1500])
print(data.count(0), 1008 in data, data.index(1008))
unique = sorted(set(data))
print(len(unique), unique[:3])
