# //, % and divmod for every sign combination, small and big, and zero division errors.
for a in [7, -7, 2**70 + 3, -(2**70) - 3]:
    for b in [2, -2, 10**12 + 1, -(10**25)]:
        print(a // b, a % b, divmod(a, b) == (a // b, a % b))
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 2**80 // 0, lambda: 1.0 % 0]:
    try:
        bad()
    except ZeroDivisionError as e:
        print(type(e).__name__)
