# io.StringIO / BytesIO: overwriting after seek, zero-filled gaps, readline limits, closed streams.
import io

b = io.BytesIO(b"hello world")
print(b.seek(6), b.write(b"WORLD"), b.getvalue(), b.tell())
print(b.seek(-3, 2), b.read(), b.seek(0, 1))
b.seek(15)
b.write(b"!")
print(b.getvalue())
b.seek(0)
print(b.readline(3), b.readline(), b.read(2), b.read(100), b.read())
print(b.readlines())

s = io.StringIO("line1\nline2\nlast")
print(s.readlines())
s.seek(0)
print(repr(s.read(0)), repr(s.read(5)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
print(s.write("+tail"), repr(s.getvalue()))
s = io.StringIO()
print(s.write("héllo"), repr(s.getvalue()))
s.seek(0)
print(repr(s.read(2)))

def bad_init_text():
    io.StringIO(b"x")


def bad_init_bytes():
    io.BytesIO("x")


def bad_write():
    io.StringIO().write(1)


for bad in (bad_init_text, bad_init_bytes, bad_write):
    try:
        bad()
    except TypeError:
        print("TypeError")

with io.BytesIO(b"x") as f:
    print(f.read())
for op in (f.read, f.getvalue, f.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
try:
    io.StringIO().seek(-1)
except ValueError:
    print("ValueError negative seek")
