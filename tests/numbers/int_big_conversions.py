# large ints: decimal/hex/binary round trips, a factorial, modular arithmetic and floor division
# of negative big values, parsing long digit strings in several bases.
n = 3 ** 2000
s = str(n)
print(len(s), s[:20], s[-20:], int(s) == n, hex(n)[:12], int(hex(n), 16) == n, len(bin(n)))
f = 1
for i in range(1, 300):
    f *= i
print(len(str(f)), str(f)[:15], f % 1000003, f // 10**600 > 0, (f >> 1000) & 0xFFFF)
print(divmod(n, 7**500)[1] % 1000, pow(n, 3, 10**9 + 7), (-n) // 3**1999, (-n) % 10, abs(-n) == n)
print(int("-" + "1" * 200) // 10**190, int("1" * 50, 2), int("z" * 30, 36) % 1000)
