# OSError as MicroPython builds it: errno is the first argument whatever it is, a known errno alone
# prints as "[Errno N] NAME", several arguments print as a tuple, and there are no subclasses
# chosen by errno. CPython: errno None for one argument, "[Errno 1] two" and PermissionError(1, 'two').
import errno
for args in [(), ("m",), (errno.ENOENT,), (1, "two"), (errno.EEXIST, "exists", "f")]:
    e = OSError(*args)
    print(args, repr(str(e)), repr(e), e.errno, type(e).__name__)
