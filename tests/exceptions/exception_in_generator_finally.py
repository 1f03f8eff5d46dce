# try/finally inside a generator combined with an exception thrown in.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
it = g()
next(it)
try:
    it.throw(ValueError("thrown"))
except ValueError as e:
    print("caught", e.args)
print(list(it))
