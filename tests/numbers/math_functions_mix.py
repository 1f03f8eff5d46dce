# math functions on ordinary and edge inputs: floor/ceil/trunc results, gcd, logs in several bases,
# trigonometry at exact points, frexp/ldexp/modf, domain errors.
import math
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-1.7), math.floor(2**70 + 0.0) == 2**70, type(math.floor(1.5)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.isclose(1.0, 1.0 + 1e-10), math.fabs(-3), math.fmod(-7, 3), -7 % 3)
print(math.sqrt(16), math.pow(2, 10), math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.factorial(20), math.inf > 0, math.isnan(math.nan), math.copysign(3, -0.0), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.modf(-2.5), math.atan2(1, 1) == math.pi / 4, math.hypot(3, 4), round(math.asin(1), 12), math.floor(-2**70 - 0.5) < 0)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.floor("x")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
