# set operators | & - ^ <= < >= > with sets and frozensets, and the in-place forms.
a, b = {1, 2, 3}, frozenset([2, 3, 4])
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), type(a | b).__name__, type(b | a).__name__)
print(a <= a, a < a, {1} < a, a > {1}, a >= {1, 2, 3}, {1, 2} == frozenset([1, 2]), a != b)
c = set(a); c |= {9}; c &= {1, 9}; c -= {1}; c ^= {5}; print(sorted(c))
for bad in [lambda: a | [1], lambda: a < [1], lambda: b.add(1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
