# cmath: constants, the functions on ordinary values (printed to 12 digits: libm and the C
# library may differ in the last bit), exact cases, argument types and errors.
import cmath
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
def show(z):
    if isinstance(z, complex):
        return complex(round(z.real, 12), round(z.imag, 12))
    return round(z, 12)
points = [1 + 2j, -3 + 0.5j, 0.25 - 4j, -1 - 1j, 2, -2, 0.5, 1j, -2j, 10 + 10j, 1e-5 + 1e-5j, 100 - 0.1j]
for name in ("exp", "log", "log10", "sqrt", "sin", "cos", "sinh", "cosh", "phase"):
    f = getattr(cmath, name)
    print(name, [show(f(z)) for z in points])
print([tuple(show(x) for x in cmath.polar(z)) for z in points])
print([show(cmath.rect(r, phi)) for r, phi in [(1, 0.5), (2, -3), (0.5, 10), (3, 1.5707963267948966)]])
print([show(cmath.log(z, base)) for z, base in [(8, 2), (100, 10), (1j, 1j), (-1, 2 + 1j), (1 + 1j, 0.5)]])
# Exact cases.
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-4), cmath.sqrt(0j), cmath.sqrt(-0j), cmath.sqrt(complex(-0.0, -0.0)))
print(cmath.exp(0), cmath.log(1), cmath.log10(1), cmath.log10(100), cmath.log10(1e-3), cmath.phase(-1), cmath.phase(-1 - 0j))
print(cmath.phase(1j), cmath.phase(-1j), cmath.phase(0), cmath.phase(complex(-0.0, -0.0)), cmath.polar(1j), cmath.polar(-2))
print(cmath.rect(1, 0), cmath.rect(-1, 0), cmath.rect(2, -0.0), cmath.sin(0j), cmath.cos(0j), cmath.sinh(0j), cmath.cosh(-0j))
print(cmath.sqrt(1e-320 + 1e-320j) == cmath.sqrt(1e-320 + 1e-320j), cmath.sqrt(complex(1e308, 1e308)).real > 1e153)
print(show(cmath.log(complex(1e308, 1e308))), show(cmath.log(1e-320j)), show(cmath.exp(709.5 + 0.5j) / 1e308))
print(cmath.isfinite(1 + 1j), cmath.isfinite(cmath.infj), cmath.isinf(complex(1, float("-inf"))), cmath.isinf(2))
print(cmath.isnan(cmath.nanj), cmath.isnan(1j), cmath.isclose(1j, 1.0000000001j), cmath.isclose(1j, 1.1j))
print(cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0j, 1e-10, abs_tol=1e-9), cmath.isclose(cmath.infj, cmath.infj))
print(cmath.isclose(cmath.infj, complex(0, 1e308)), cmath.isclose(cmath.nanj, cmath.nanj))
class C:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 4.0
print(cmath.sqrt(C()), cmath.sqrt(F()), show(cmath.exp(True)), cmath.sqrt(10 ** 30))
def check(name, *args, **kw):
    try:
        print(name, args, getattr(cmath, name)(*args, **kw))
    except Exception as e:
        print(name, args, type(e).__name__)
check("log", 0)
check("log", 0j, 2)
check("log", 2, 1)
check("log", 2, 0)
check("log10", 0)
check("exp", 1000)
check("exp", complex(710, 1))
check("cosh", 1000 + 1j)
check("sinh", complex(-1000, 1))
check("sin", 1j * 1000)
check("polar", complex(1.5e308, 1.5e308))
check("rect", 1e308, 0.5j)
check("rect", 1, "a")
check("sqrt", "1")
check("sqrt", None)
check("exp", [])
check("sqrt")
check("sqrt", 1, 2)
check("log", 1, 2, 3)
check("isclose", 1, 1, rel_tol=-1)
check("isclose", 1, 1, foo=1)
check("phase", 10 ** 400)
