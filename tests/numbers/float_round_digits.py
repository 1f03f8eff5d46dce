# round() with digits on floats and ints, half-to-even, negative digits, and the result types.
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), type(round(2.5)).__name__)
print(round(3.14159, 2), round(2.675, 2), round(1234.5678, -2), round(-1.5), round(7, -1), round(15, -1), round(25, -1))
print(round(1.25, 1), round(1.35, 1), round(0.125, 2), type(round(2.5, 0)).__name__, round(2.5, 0))
print(round(123456, -3), round(-123456, -2), type(round(5, 2)).__name__, round(1e300, 2), round(5.0, None))
for bad in [lambda: round(float("inf")), lambda: round(float("nan")), lambda: round("1")]:
    try:
        bad()
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__)
