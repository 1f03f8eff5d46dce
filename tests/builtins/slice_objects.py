# slice objects: attributes, use in indexing, indices().
s = slice(1, 5, 2)
print(s.start, s.stop, s.step, slice(3).start, slice(3).stop)
data = list(range(10))
print(data[s], data[slice(None, None, -3)], "abcdef"[slice(2, None)])
print(slice(1, 10, 2).indices(6), slice(None, None, -1).indices(4))
data[slice(0, 2)] = ["a", "b"]
print(data[:3])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
