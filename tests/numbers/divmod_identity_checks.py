# for many pairs, a == (a // b) * b + a % b and the remainder has the divisor's sign.
import math
pairs = [(a, b) for a in [0, 1, -1, 7, -7, 2**65 + 3, -(2**65) - 3] for b in [1, -1, 3, -3, 2**33, -(2**64) - 1]]
ok = all(a == (a // b) * b + a % b and (a % b == 0 or (a % b > 0) == (b > 0)) for a, b in pairs)
print(ok, len(pairs))
fpairs = [(a, b) for a in [0.5, -0.5, 7.25, -7.25, 1e10] for b in [0.25, -0.3, 3.0, -1e-3]]
print(all(math.isclose(a, (a // b) * b + a % b, rel_tol=1e-9, abs_tol=1e-9) for a, b in fpairs))
