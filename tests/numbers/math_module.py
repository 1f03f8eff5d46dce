# math functions with exact or well-rounded results.
import math
print(math.sqrt(16), math.sqrt(2) ** 2 - 2 < 1e-15, math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.fabs(-3), math.pow(2, 8), math.exp(0), math.log(1), math.log(math.e), math.log10(1000))
print(math.log(8, 2), math.log2(1024), round(math.sin(math.pi / 2), 12), round(math.cos(0), 12))
print(round(math.pi, 5), round(math.e, 5), math.isinf(math.inf), math.isnan(math.nan))
print(math.isfinite(1.0), math.isfinite(math.inf), math.copysign(3, -0.0), math.fmod(7, 3))
print(math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.degrees(math.pi), math.radians(180) == math.pi)
print(type(math.floor(2.5)).__name__, math.factorial(10))
print(round(math.atan2(1, 1) * 4, 10) == round(math.pi, 10), round(math.atan(1), 10))
try:
    math.sqrt(-1)
except ValueError:
    print("ValueError sqrt")
try:
    math.log(0)
except ValueError:
    print("ValueError log")
