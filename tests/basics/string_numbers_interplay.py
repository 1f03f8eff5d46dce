# Converting between numbers and text in both directions.
n = 1234
digits = [int(c) for c in str(n)]
print(digits, sum(digits), int("".join(str(d) for d in reversed(digits))))
print(str(3.5) + "!", "%d items" % 3, "{}".format(2 ** 70))
print(int("0" * 5 + "7"), float("1" + "e" + "2"))
print(str(-0), str(1_000), repr(1e100))
