# return values: finally's return overrides try's; finally without return keeps try's value.
def a():
    try:
        return "try"
    finally:
        print("a finally")
def b():
    try:
        return "try"
    finally:
        return "finally"
def c():
    x = "before"
    try:
        return x
    finally:
        x = "changed"
def d():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("d finally", i)
print(a(), b(), c(), d())
