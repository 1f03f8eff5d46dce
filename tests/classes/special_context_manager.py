# A class-based context manager that times nothing but counts nesting depth.
class Depth:
    level = 0
    def __enter__(self):
        Depth.level += 1
        return Depth.level
    def __exit__(self, exc_type, exc, tb):
        Depth.level -= 1
        return exc_type is KeyError
with Depth() as a:
    with Depth() as b:
        print(a, b, Depth.level)
        raise KeyError
    print("suppressed", Depth.level)
print(Depth.level)
