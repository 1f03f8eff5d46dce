# Breaking out of a for loop over a generator leaves it suspended; close() runs its finally.
def g():
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup ran")
it = g()
for v in it:
    if v == 2:
        break
print("after break", v)
it.close()
print("after close")
