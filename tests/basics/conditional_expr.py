# Conditional expressions and their nesting.
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 1 if True else 1 / 0
print(x)
y = (lambda v: "even" if v % 2 == 0 else "odd")
print([y(i) for i in range(4)])
print((1 if 0 else 2) + 10)
