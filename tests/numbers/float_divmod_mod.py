# float % and // follow the sign of the divisor; divmod on floats and mixed types.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1, 0.3), (5, -0.5), (0.0, 3), (-0.0, 3)]:
    print(a % b, a // b, divmod(a, b))
print(float("inf") % 3 != float("inf") % 3, 3 % float("inf"), -3 % float("inf"), 3 // float("inf"))
