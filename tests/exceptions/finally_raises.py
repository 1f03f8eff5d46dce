# an exception raised inside finally replaces the one in flight; return in finally swallows it.
def replace():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    replace()
except KeyError as e:
    print("got", type(e).__name__, type(e.__context__).__name__)
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "returned"
print(swallow())
def nested():
    try:
        try:
            raise IndexError(1)
        finally:
            print("inner finally")
    finally:
        print("outer finally")
try:
    nested()
except IndexError as e:
    print("caught", e.args)
def loop_break():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(loop_break())
