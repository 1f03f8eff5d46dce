# Big-integer multiplication, division and string conversion.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


checksum = 0
for n in range(200, 1400):
    f = factorial(n)
    text = str(f)
    checksum = (checksum * 7 + len(text) + int(text[:6]) + f % 1000003 + (f // factorial(n - 10)) % 9973) % 1000000007
print("bigint_factorial", checksum)
