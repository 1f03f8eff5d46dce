# print to StringIO and to any object with write() (the pieces joined; how text is split into write calls
# differs between implementations), end/sep combinations, mixed value types.
import io
buf = io.StringIO()
print("a", 1, None, [2], sep=", ", end=".\n", file=buf)
print(file=buf, end="")
print("x" * 3, file=buf)
print(buf.getvalue().splitlines())
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
w = W()
print("hello", "world", file=w)
print(repr("".join(w.parts)), all(isinstance(p, str) for p in w.parts))
print("no newline", end="")
print(" -> continued")
print("", end="")
print()
print(None, True, 1.0, 1j if False else 0, b"b", bytearray(b"c"), range(2), slice(1), sep=" | ")
