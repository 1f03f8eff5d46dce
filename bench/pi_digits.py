# Digits of pi with a big-integer spigot (Gibbons' unbounded algorithm). Digits are folded into a
# checksum as they appear so that only the three big integers of the state stay live (small heaps).
def pi_checksum(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    digit_sum = 0
    checksum = 0
    first = ""
    while produced < count:
        if 4 * q + r - t < n * t:
            produced += 1
            digit_sum += n
            checksum = (checksum * 10 + n) % 1000000007
            if produced <= 20:
                first += str(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return first, digit_sum, checksum


for count in (1000, 1500, 2000, 2500):
    print("pi_digits", count, pi_checksum(count))
