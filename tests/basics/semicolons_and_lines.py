# Statements separated by semicolons; explicit and implicit line joining.
a = 1; b = 2; print(a + b)
total = (1 +
         2 +
         3)
print(total)
items = [
    1,
    2,
]
print(items)
value = 1 + \
    2
print(value)
if a: print("one-line if")
for i in range(2): print("one-line for", i)
