# type(), __name__, __class__ and isinstance with tuples.
class A:
    pass
class B(A):
    pass
b = B()
print(type(b).__name__, b.__class__.__name__, B.__name__)
print(type(b) is B, type(b) is A, isinstance(b, (int, A)))
print(issubclass(B, (str, A)), issubclass(B, B))
print(type(A).__name__, type(type).__name__, type(int).__name__)
print([c.__name__ for c in B.__bases__])
print(B.__base__.__name__ if hasattr(B, "__base__") else "A")
