# Integer algorithms: gcd, modular inverse, primes, digit sums.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def modinv(a, m):
    g, x, y = m, 0, 1
    aa = a
    while aa:
        q = g // aa
        g, aa = aa, g - q * aa
        x, y = y, x - q * y
    return x % m
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), modinv(3, 11), modinv(10, 17))
sieve = [True] * 60
primes = []
for i in range(2, 60):
    if sieve[i]:
        primes.append(i)
        for j in range(i * i, 60, i):
            sieve[j] = False
print(primes)
print(sum(int(d) for d in str(2 ** 100)))
