# Repeated string building and discarding keeps only the last result alive.
last = ""
count = 0
for i in range(5000):
    text = "-".join(str(j) for j in range(i % 20))
    last = text.upper() + str(i)
    count += len(text)
print(count, last)
