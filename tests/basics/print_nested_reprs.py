# print uses str() at the top level and repr() for items inside containers.
print("top", ["in", "list"], ("t",), {"k": "v"})
print([1.5, None, True, b"x", (1,), [], {}, "q'uote"])
print([[1, [2, [3]]], ("a", ("b",))])
print({1: [2, {3: (4,)}]})
print(str(["s"]), repr("s"), str("s"))
