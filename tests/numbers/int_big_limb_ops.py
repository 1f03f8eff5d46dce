# + - * // % and comparisons of big ints (computed on the objects' limbs in place): signs,
# floor rounding, limb and small-int boundaries, results that shrink to small ints.

B = 2**32
boundary = [0, 1, 2, 3, 7, 2**31 - 1, 2**31, B - 1, B, B + 1, 2**62 - 1, 2**62, 2**63 - 1,
            2**63, 2**64 - 1, 2**64, 2**64 + 1, 2**96 - 1, 2**96, B**5 + 12345]
boundary = boundary + [-x for x in boundary if x]

state = 12345


def rand_limbs(n):
    global state
    v = 0
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        v = v * B + (state >> 32)
    return v


randoms = []
for n in (1, 2, 3, 4, 5, 8, 13, 40, 75):
    for sign in (1, -1):
        randoms.append(sign * rand_limbs(n))
        randoms.append(sign * (B**n - 1))
        randoms.append(sign * B**n)

ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
]


def apply(f, a, b):
    try:
        return hex(f(a, b))
    except ZeroDivisionError:
        return "ZeroDivisionError"


# Every boundary pair, results printed exactly (hex() does not use the paths under test).
for a in boundary:
    row = []
    for b in boundary:
        row.append(" ".join(apply(f, a, b) for _, f in ops))
        row.append("%d%d%d" % (a < b, a == b, a > b))
    print(hex(a), "|", ";".join(row))

# Random and all-ones operands of up to 75 limbs, folded per left operand and operator.
values = boundary + randoms
for a in values:
    for name, f in ops:
        acc = 0
        for b in values:
            try:
                r = f(a, b)
            except ZeroDivisionError:
                r = 7
            acc = (acc * 1000003 + (r & (2**128 - 1))) & (2**192 - 1)
        print(name, hex(acc))
    print("cmp", "".join("%d" % ((a < b) + 2 * (a == b)) for b in values))

# Identities that must hold exactly.
for a in randoms:
    for b in randoms:
        q, r = a // b, a % b
        assert q * b + r == a, (a, b)
        assert (r == 0) or ((r < 0) == (b < 0)), (a, b)
        assert abs(r) < abs(b), (a, b)
        assert a + b - b == a and a - a == 0
print("identities ok")

# Decimal output of negative and boundary-sized big ints.
for a in randoms + boundary:
    s = str(a)
    assert int(s) == a
print(len("".join(str(a) for a in randoms)), str(-(10**200)), str(10**81 - 1))


# bool operands and an int subclass take the same paths.
class I(int):
    pass


big = 3**100
print(hex(True * big), hex(big + True), hex(big // True), hex(False - big), big % True)
print(hex(I(big) * 5), hex(I(-big) // 7), hex(I(big) % -11), I(big) > big - 1, I(5) < big)
