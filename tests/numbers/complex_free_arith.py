# Integer and float accumulation in loops stays exact where expected.
total = 0
for i in range(1, 101):
    total += i * i
print(total, total == 100 * 101 * 201 // 6)
f = 0.0
for i in range(8):
    f += 0.125
print(f, f == 1.0)
acc = 1
for i in range(1, 25):
    acc = acc * i % 1000000007
print(acc)
