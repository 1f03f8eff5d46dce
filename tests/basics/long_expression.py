# Deeply nested expressions and long operand chains.
x = ((((((((((1 + 2) * 3) - 4) * 5) + 6) * 7) - 8) * 9) + 10) * 11)
print(x)
print(sum([i * i for i in range(100)]))
print(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16)
s = "a" + "b" + "c" + "d" + "e" + "f" + "g"
print(s)
print([[[[[1]]]]][0][0][0][0][0])
print(((1, 2), (3, (4, (5, 6))))[1][1][1][0])
