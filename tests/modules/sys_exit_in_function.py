# sys.exit raised deep in a call stack runs finally blocks on the way out.
import sys
def inner():
    try:
        sys.exit(2)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
print("never reached")
