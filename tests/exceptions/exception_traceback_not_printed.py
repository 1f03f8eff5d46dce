# Caught exceptions print nothing by themselves; output shows only what the program prints.
def risky(n):
    if n % 3 == 0:
        raise ValueError(n)
    return n
results = []
for i in range(7):
    try:
        results.append(risky(i))
    except ValueError as e:
        results.append("E%d" % e.args[0])
print(results)
