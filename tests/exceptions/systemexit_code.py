# SystemExit with an integer sets the exit code; output before it is kept.
import sys
print("exiting with 3")
sys.exit(3)
