# Sorting is stable across many equal keys and after reversing.
data = [(i % 4, i) for i in range(24)]
by_key = sorted(data, key=lambda p: p[0])
print(by_key[:8])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(len(by_key) - 1) if by_key[i][0] == by_key[i + 1][0]))
rev = sorted(data, key=lambda p: p[0], reverse=True)
print(rev[:6])
