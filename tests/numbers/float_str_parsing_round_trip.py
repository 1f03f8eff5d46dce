# float <-> str round trips for many values, including subnormals and values near powers of ten.
import math
vals = [0.1 * i for i in range(1, 12)] + [10.0 ** e for e in range(-8, 23, 3)] + [1 / 7, 2 / 3, math.pi, math.e, 2.2250738585072014e-308]
ok = all(float(repr(v)) == v for v in vals)
print(ok, [repr(v) for v in vals[:11]])
print([str(v) for v in vals[11:]])
