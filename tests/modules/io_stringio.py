# io.StringIO as an in-memory text file.
import io
s = io.StringIO()
print(s.write("hello "), s.write("world\n"))
s.write("second line\n")
print(repr(s.getvalue()))
r = io.StringIO("a\nbb\nccc")
print(repr(r.readline()), repr(r.read(2)), repr(r.read()), repr(r.read()))
lines = io.StringIO("x\ny\n")
print(repr(lines.readline()), repr(lines.readline()), repr(lines.readline()))
out = io.StringIO()
print("via print", 1, 2, file=out)
print(repr(out.getvalue()))
