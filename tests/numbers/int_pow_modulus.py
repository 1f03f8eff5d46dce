# three-argument pow with big and negative bases, and its errors.
print(pow(2, 10, 1000), pow(-2, 3, 5), pow(2, 100, 97), pow(3, 200, 10**20), pow(7, 0, 1), pow(7, 0, 5))
print(pow(123456789123456789, 3, 1000000007), pow(5, 3, -7), pow(-5, 3, -7), pow(10**30, 2, 10**9 + 9))
for bad in [lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
