# SystemExit can be caught like any other exception.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.args, e.code)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.args, e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("str code", e.code)
print(issubclass(SystemExit, Exception))
