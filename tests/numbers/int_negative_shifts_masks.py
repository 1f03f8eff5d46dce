# Masking negative numbers to fixed widths (two's complement views).
def to_unsigned(v, bits):
    return v & ((1 << bits) - 1)
def to_signed(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v
for v in [-1, -128, -129, 127, 255, -(2 ** 40)]:
    print(v, to_unsigned(v, 8), to_signed(to_unsigned(v, 8), 8), to_unsigned(v, 64))
print(-1 >> 100, -(2 ** 100) >> 99, (-7) >> 1, -7 // 2)
