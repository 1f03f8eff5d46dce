# Float digits at the edges: exact decimal expansions, ties to even on the binary value,
# huge precisions, subnormals, the largest floats, powers of two (a half-as-wide gap below),
# and many pseudo-random doubles through repr, %e, %f, %g and round().
import struct


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


# Correctly rounded, halfway cases on the exact binary value.
print('%.2f' % 2.675, '%.2f' % 2.665, '%.1f' % 0.25, '%.1f' % 0.35, '%.3f' % 1.0005)
print('%.0f' % 0.5, '%.0f' % 1.5, '%.0f' % 2.5, '%.0f' % -0.5, '%.0f' % 0.500001)
print('%.0e' % 25.0, '%.0e' % 35.0, '%.1e' % 0.125, '%.2g' % 0.125, '{:.1f}'.format(0.05))
print('%.3f' % 9.9995, '%.2f' % 9.995, '%.1f' % 9.96, '%.0f' % 9.5, '%.4e' % 99999.5)
print('%.20f' % 0.1, '%.25f' % (1 / 3), '%.17f' % 0.3)

# Huge precisions: every exact digit, then zeros.
print('%.60f' % 1e-5)
print('%.60f' % 123456.789)
print('%.30e' % 1e308)
print('%.30e' % 5e-324)
print('%.30e' % 2.2250738585072014e-308)
print('%.1100f' % 5e-324)
print('{:.800e}'.format(5e-324))
print('%.5f' % 1e308)
print('%f' % 1.7976931348623157e308)
print('{:.400g}'.format(0.1))
print('%.330f' % 2.2250738585072014e-308)
print('%.0f' % 1e22, '%.0f' % 1e23, '%.3f' % 2.0 ** 70)

# Shortest repr at the edges.
print(repr(5e-324), repr(1e-323), repr(2.2250738585072014e-308), repr(2.225073858507201e-308))
print(repr(1.7976931348623157e308), repr(1e308), repr(1e23), repr(9007199254740993.0))
for e in (-1074, -1073, -1022, -1021, -500, -25, -1, 0, 1, 52, 53, 54, 60, 100, 500, 1023):
    x = 2.0 ** e
    print(e, repr(x), repr(x * (1 + 2 ** -52)), repr(x * (1 - 2 ** -53)))

# round(): ties to even on the exact value, negative digits, overflow.
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(-0.5, 0), round(2.5, 0))
print(round(5e-324, 323), round(5e-324, 324), round(1e308, -307), round(25.0, -1), round(35.0, -1))
print(round(1.5e300, -299), round(25.000001, -1), round(-0.4, 0), round(1e-300, 310))
try:
    print(round(1.7976931348623157e308, -308))
except OverflowError as e:
    print('OverflowError')

# Pseudo-random bit patterns (the same sequence on every implementation).
state = 12345
count = 0
for i in range(1500):
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    bits = state
    if i % 5 == 1:
        bits &= 0x000FFFFFFFFFFFFF  # subnormal
    elif i % 5 == 2:
        bits = (bits & 0x800FFFFFFFFFFFFF) | ((0x433 + i % 12) << 52)  # large integers
    x = from_bits(bits)
    if x != x or x in (float('inf'), float('-inf')):
        continue
    count += 1
    r = repr(x)
    assert float(r) == x, r
    print(r, '%.17g' % x, '%.3e' % x, '%.25e' % x)
    if abs(x) < 1e25:
        print('%.20f' % x, '%.0f' % x, round(x, 3), round(x, -3))
print(count)
