# cmath with infinite, NaN and signed-zero parts: C99 Annex G results (CPython's tables),
# ValueError where C99 signals invalid, OverflowError on overflow. Finite results are
# printed to 12 digits (libm and the C library may differ in the last bit).
import cmath
inf, nan = float("inf"), float("nan")
parts = [-inf, -1.5, -0.0, 0.0, 1.5, inf, nan]
def show(z):
    return repr(complex(round(z.real, 12), round(z.imag, 12)))
for name in ("exp", "log", "log10", "sqrt", "sin", "cos", "sinh", "cosh"):
    f = getattr(cmath, name)
    for re in parts:
        row = []
        for im in parts:
            try:
                row.append(show(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(name, re, " ".join(row))
for r in parts:
    row = []
    for phi in parts:
        try:
            row.append(show(cmath.rect(r, phi)))
        except ValueError:
            row.append("ValueError")
    print("rect", r, " ".join(row))
print([cmath.phase(complex(re, im)) for re in (-inf, -0.0, 0.0, inf) for im in (-0.0, 0.0, inf)])
print([cmath.polar(complex(re, im)) for re in (-inf, 0.0, nan) for im in (nan, -inf)])
