# Reading slices of lists with all step signs and out-of-range bounds.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-2:], a[:-7], a[::3], a[::-1], a[8:2:-2], a[-1:-5:-1])
print(a[100:], a[-100:2], a[5:2], a[::-100])
b = a[:]
print(b == a, b is a)
try:
    a[::0]
except ValueError:
    print("ValueError zero step")
