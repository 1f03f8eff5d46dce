# return values: none, single, tuple, early return.
def none1():
    pass
def none2():
    return
def pair():
    return 1, 2
def early(x):
    for i in range(10):
        if i == x:
            return i * 100
    return -1
print(none1(), none2(), pair(), early(3), early(50))
def nested_return():
    try:
        return "try"
    finally:
        print("finally runs")
print(nested_return())
