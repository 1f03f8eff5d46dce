# assorted builtins in everyday use: sys attributes, dict merging forms, map/filter/sorted with builtin
# functions, isinstance with tuples, dynamic widths, slicing steps on lists, enumerate/zip conversions.
import sys
print(sys.maxsize > 2**30, type(sys.argv).__name__, sys.argv[0], isinstance(sys.path, list))
print(sys.version_info[0], sys.byteorder in ("little", "big"), sys.implementation.name in ("cpython", "micropython"))
d = {}
d.update(a=1)
print(d, dict(d, b=2), {**d, "c": 3})
print(list(map(int, "123")), list(filter(str.isdigit, "a1b2")), "".join(sorted("hello")))
print(isinstance(1, (int, float)), isinstance("s", (list, tuple)), isinstance(None, type(None)))
print(any(isinstance(x, str) for x in [1, "a"]), all(x > 0 for x in range(1, 5)))
x = 5
print(f"{x:>{x}}", "{:^{}}".format("c", x), "%*s" % (x, "r"))
print(list(range(10))[2:8:3], list(range(10))[::-4], [1, 2, 3][::-1])
print(tuple(enumerate("ab")), dict(enumerate("ab")), list(zip(range(3), range(3, 0, -1))))
print(sorted([[3, 1], [1, 2], [3, 0]]), sorted(["b", "A", "a"], key=str.lower), sorted([True, False, 0.5]))
print(bytes(range(65, 70)).decode(), bytearray("xyz", "ascii") if False else bytearray(b"xyz"), list(b"ab"))
print(str(bytearray(b"ab")), repr(memoryview(b"x"))[:12] if False else "mv", hash(()) == hash(()))
