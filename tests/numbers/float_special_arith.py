# inf and nan through arithmetic, comparisons, min/max, and math functions.
# (float ** overflowing to inf is a MicroPython difference: micropython/float_pow_overflow.py.)
import math
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf > 10**400, -inf < -10**400, inf == inf)
print(nan > 1, nan < 1, nan == nan, nan != nan, math.isnan(nan * 0), math.isinf(-inf), math.isfinite(1e308))
print(max(1, inf), min(-inf, 0), sorted([3, inf, -inf, 0]), abs(-inf), math.copysign(1, -0.0), repr(-nan)[-3:])
print(1e308 * 10, -1e308 * 10, 2.0 ** 1024 if False else math.ldexp(1, 1023) * 2, 5e-324 / 2)
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__)
