# Field widths too big for any board's memory raise MemoryError instead of building the string
# (a fuzzer found "%01147941701.3g" % x building a gigabyte); normal wide fields still work.
for make in [
    lambda: "%01147941701.3g" % 3.14159,
    lambda: "%*d" % (2000000000, 1),
    lambda: "{:>2000000000}".format("x"),
    lambda: format(5, "099999999999"),
    lambda: f"{1.5:2000000000.3f}",
]:
    try:
        make()
        print("built")
    except MemoryError:
        print("MemoryError")
print(len("%5000d" % 1), len("{:>70000}".format("x")), len(format(2.5, "100000.2f")))
