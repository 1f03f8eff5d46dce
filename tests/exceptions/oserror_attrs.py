# OSError: errno from the first argument, args, subclass relations, and a real failing open().
import errno
e = OSError(errno.ENOENT, "missing")
print(e.errno, e.args, isinstance(e, Exception))
e1 = OSError("just text")
print(e1.args)
try:
    open("/definitely/not/here.txt")
except OSError as ex:
    print(type(ex).__name__ in ("OSError", "FileNotFoundError"), ex.errno == errno.ENOENT, isinstance(ex, OSError))
