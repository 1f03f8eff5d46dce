# list concatenation, repetition, comparison, in-place ops and identity of `+=`.
a = [1, 2]
b = a
a += [3]; print(a is b, b)
a *= 2; print(a is b, b)
a = a + [0]; print(a is b, a, b)
print([0] * 0, [0] * -1, [[1]] * 2, [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print([1, [2]] == [1, [2]], [1] != [1.0], [None] * 3)
x = [1, 2, 3]; x[1:2] = []; print(x); x[:0] = [7, 8]; print(x); x[len(x):] = [9]; print(x)
for bad in [lambda: [1] + (2,), lambda: [1] * 1.0, lambda: [1] < [""]]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
ba = bytearray(b"ab")
alias = ba
ba += b"c"; ba *= 2; print(ba is alias, alias, bytearray(b"xy") * 2, 2 * bytearray(b"z"))
