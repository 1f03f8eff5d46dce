# Searching with while/else and for/else.
def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            break
        i += 1
    else:
        return "not found"
    return "found at %d" % i
print(find([4, 5, 6], 5), find([4, 5, 6], 9), find([], 1))
def is_prime(n):
    for d in range(2, n):
        if n % d == 0:
            return False
    else:
        return n > 1
print([n for n in range(20) if is_prime(n)])
