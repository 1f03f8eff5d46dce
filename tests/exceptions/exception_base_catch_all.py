# Bare except and except BaseException catch everything, including SystemExit.
import sys
for thrower in [lambda: 1 / 0, lambda: sys.exit(3), lambda: [][1]]:
    try:
        thrower()
    except:
        print("bare except caught")
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__)
