# sys.argv[0] is the script as given on the command line (the runner passes the bare file name).
import sys
print(sys.argv[0], len(sys.argv))
