# Writing directly to sys.stdout mixes with print output in order.
import sys
sys.stdout.write("direct ")
print("then print")
n = sys.stdout.write("abc\n")
print(n)
print("to stdout", file=sys.stdout)
print("to stderr is not compared", file=sys.stderr)
