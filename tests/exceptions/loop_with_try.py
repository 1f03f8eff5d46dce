# try inside loops with break/continue and the loop-else.
result = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        result.append(10 // (i - 2))
    except ZeroDivisionError:
        result.append("div0")
    finally:
        result.append("f%d" % i)
print(result)
n = 0
while True:
    try:
        n += 1
        if n > 3:
            raise StopIteration
    except StopIteration:
        break
print(n)
