# Helpers of the file tests. A private scratch directory per test, so file tests running in parallel never collide and
# leave nothing behind. Its name ends in _helper so the corpus runner never collects it.
import os


def _remove_tree(path):
    for name in os.listdir(path):
        p = path + "/" + name
        if os.stat(p)[0] & 0x4000:
            _remove_tree(p)
        else:
            os.remove(p)
    os.rmdir(path)


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def enter(test_name):
    """Create (afresh) and enter the scratch directory of `test_name`."""
    d = test_name + "_scratch_helper"
    if _exists(d):
        _remove_tree(d)
    os.mkdir(d)
    os.chdir(d)


def leave(test_name):
    """Leave the scratch directory and delete it with everything in it."""
    os.chdir("..")
    _remove_tree(test_name + "_scratch_helper")


def attempt(what, f, *args):
    """Call f(*args); print `what` and "ok", or the exception (OSError with its errno)."""
    try:
        f(*args)
        print(what, "ok")
    except OSError as e:
        print(what, "OSError", e.errno)
    except Exception as e:
        print(what, type(e).__name__)
