# finally in a generator runs when it is exhausted or closed.
def managed():
    print("open")
    try:
        yield "a"
        yield "b"
    finally:
        print("close")
for x in managed():
    print(x)
g = managed()
print(next(g))
g.close()
print("end")
