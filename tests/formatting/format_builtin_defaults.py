# format() with an empty spec equals str(); format of bool/None/containers; errors for bad specs.
print(format(5), format(2.5), format("s"), format(True), format(None), format([1]), format((1, 2)), format(1e100))
print(format(True, ">6"), format(True, "d"), format(False, ".1f"), format(2**100, ","), format(-0.0, ".1f"))
for bad in [(None, ">5"), ([1], "d"), (5, "z"), (1.5, "c"), ("s", "+"), (5, ".2s")]:
    try:
        print(format(*bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, bad)
