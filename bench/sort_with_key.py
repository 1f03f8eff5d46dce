# Sorting small lists of tuples and strings with key functions, reverse and stability checks.
def records(n, seed):
    out = []
    state = seed
    for i in range(n):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        out.append((state % 97, "k%05d" % (state % 10007), i))
    return out


checksum = 0
for round_number in range(1500):
    data = records(500, round_number)
    by_first = sorted(data, key=lambda r: r[0])
    by_name = sorted(data, key=lambda r: r[1], reverse=True)
    data.sort(key=lambda r: (r[0] % 7, -r[2]))
    stable = all(by_first[i][0] < by_first[i + 1][0] or by_first[i][2] < by_first[i + 1][2] for i in range(len(by_first) - 1))
    checksum = (checksum * 131 + by_first[0][2] + by_name[0][2] + data[0][2] + (1 if stable else 0)) % 1000000007
print("sort_with_key", checksum)
