# Opening a missing file raises OSError whose errno is ENOENT.
import errno
try:
    open("/nonexistent/definitely/missing.txt")
except OSError as e:
    print(type(e).__name__ in ("OSError", "FileNotFoundError"), e.args[0] == errno.ENOENT, e.errno == errno.ENOENT)
print(errno.ENOENT, errno.EEXIST)
