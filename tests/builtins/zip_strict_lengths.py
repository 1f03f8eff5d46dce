# zip stops at the shortest input and works with iterators of any kind.
print(list(zip("abc", range(10))))
it = iter(range(5))
print(list(zip(it, it)))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(dict(zip(["a", "b"], [[1], [2]])))
