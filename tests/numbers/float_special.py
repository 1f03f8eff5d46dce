# inf and nan behaviour, and float division by zero.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf > 1e308, -inf < -1e308)
print(inf + 1 == inf, inf - inf != inf - inf, nan == nan, nan != nan)
print(inf * 0 != inf * 0, 1 / inf, -1 / inf)
print(float("Infinity"), float("-INF"), float("NaN") != 0)
for op in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 / 0.0, lambda: divmod(1.0, 0.0)]:
    try:
        op()
    except ZeroDivisionError:
        print("ZeroDivisionError")
print(1e308 * 10, -1e308 * 10)
