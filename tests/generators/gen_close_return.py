# Returning from a generator's except GeneratorExit handler lets close() succeed.
def g():
    try:
        yield 1
    except GeneratorExit:
        print("exiting")
        return
g1 = g()
next(g1)
print(g1.close())
def h():
    try:
        yield 1
    finally:
        print("finally on close")
h1 = h()
next(h1)
h1.close()
print("ok")
