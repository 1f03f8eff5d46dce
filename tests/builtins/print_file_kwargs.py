# print with sep/end/file keywords, to a StringIO and to sys.stdout; None values for sep/end.
import io, sys
buf = io.StringIO()
print("a", "b", sep="-", end="!\n", file=buf)
print(1, 2, 3, sep="", file=buf)
print(file=buf)
print("x", sep=None, end=None, file=buf)
print(repr(buf.getvalue()))
print("to", "stdout", file=sys.stdout, sep="_")
print()
print(*[1, 2, 3], sep=", ")
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__)
