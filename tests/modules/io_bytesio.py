# io.BytesIO as an in-memory binary file.
import io
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")))
print(b.getvalue())
r = io.BytesIO(b"0123456789")
print(r.read(3), r.read(0), r.read())
r.seek(5)
print(r.read(2), r.tell())
try:
    b.write("text")
except TypeError:
    print("TypeError")
