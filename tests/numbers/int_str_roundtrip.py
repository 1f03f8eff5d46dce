# Converting big integers to strings and back in several bases.
values = [0, 1, -1, 255, 2 ** 31, -(2 ** 63), 3 ** 70, -(7 ** 45)]
for v in values:
    print(v, int(str(v)) == v, int(hex(v), 16) == v, int(bin(v), 2) == v, int(oct(v), 8) == v)
print(int("1" * 60, 2), int("z" * 10, 36))
