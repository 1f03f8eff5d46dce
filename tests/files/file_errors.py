# Errors from open() and file objects: missing files, existing files, directories, bad modes,
# closed files, wrong data types, writing to read-only files.
import errno
import scratch_helper

scratch_helper.enter("file_errors")

attempt = scratch_helper.attempt


def refused(what, f, *args):
    # CPython raises io.UnsupportedOperation (an OSError without errno) where MicroPython's
    # filesystem refuses the operation (OSError EBADF): check only that it is an OSError.
    try:
        f(*args)
        print(what, "ok")
    except OSError:
        print(what, "OSError")


attempt("missing", open, "missing.txt")
attempt("missing dir", open, "nodir/x.txt", "w")
with open("exists.txt", "w") as f:
    f.write("x")
attempt("exclusive", open, "exists.txt", "x")
import os

os.mkdir("adir")
attempt("directory", open, "adir")
attempt("directory write", open, "adir", "w")
for mode in ("rw", "rr", "q", "", "bt", "rbt", "wa", "+"):
    attempt("mode " + repr(mode), open, "exists.txt", mode)
attempt("mode type", open, "exists.txt", 1)
attempt("path type", open, 1.5)
attempt("encoding binary", open, "exists.txt", "rb", -1, "utf-8")

f = open("exists.txt")
refused("read-only write", f.write, "y")
f.close()
attempt("closed read", f.read)
attempt("closed write", f.write, "z")
attempt("closed readline", f.readline)
attempt("closed seek", f.seek, 0)
attempt("closed tell", f.tell)
attempt("closed iter", next, f)
attempt("closed with", f.__enter__)

f = open("exists.txt", "w")
refused("write-only read", f.read)
attempt("text write bytes", f.write, b"b")
f.close()
f = open("exists.txt", "wb")
attempt("binary write str", f.write, "s")
attempt("negative seek", f.seek, -1)
f.close()
f = open("exists.txt")
attempt("text negative seek", f.seek, -1)
attempt("bad whence", f.seek, 0, 3)
f.close()

with open("exists.txt") as f:
    pass
print(f.closed)
try:
    with open("exists.txt") as f:
        raise KeyError("inside")
except KeyError:
    print("with closed after error:", f.closed)

e = None
try:
    open("missing.txt")
except OSError as exc:
    e = exc
print(e.errno == errno.ENOENT, e.args[0] == errno.ENOENT, isinstance(e, OSError))

scratch_helper.leave("file_errors")
