# Chained comparisons evaluate middle operands once.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 <= 2 < 3 != 4)
count = 0
def mid():
    global count
    count += 1
    return 5
print(1 < mid() < 10, count)
print(10 < mid() < 20, count)
x = 5
print(0 <= x < 10, 0 <= x < 5)
print("a" < "b" < "c", [1] < [2] < [2, 0])
