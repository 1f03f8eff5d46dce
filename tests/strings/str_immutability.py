# Strings are immutable: item assignment fails, methods return new strings.
s = "abc"
try:
    s[0] = "x"
except TypeError:
    print("TypeError item assignment")
t = s.upper()
print(s, t, s is not t)
u = s
s += "d"
print(u, s)
try:
    del s[0]
except TypeError:
    print("TypeError del item")
