# Loop variables keep their last value after the loop; comprehension variables do not leak.
for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError:
    print("NameError j never bound")
[k for k in range(5)]
try:
    print(k)
except NameError:
    print("NameError k not leaked")
