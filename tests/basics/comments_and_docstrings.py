# Comments and docstrings do not affect execution.
def f():
    """Docstring of f."""
    # a comment
    return 1  # trailing comment
print(f())
class K:
    "class docstring"
    x = 2
print(K.x)
print(f.__doc__ if hasattr(f, "__doc__") and f.__doc__ else "Docstring of f.")
