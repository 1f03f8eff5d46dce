# Many short-lived lists: the collector must reclaim garbage to stay inside a small heap.
total = 0
keep = []
for i in range(20000):
    row = [i, i + 1, i + 2, i * 2]
    total += sum(row)
    if i % 2000 == 0:
        keep.append(row)
print(total, len(keep), keep[-1])
