# Indexing and slicing strings with step 1 (other steps are in str_slice_step.py).
s = "abcdefgh"
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[5:], s[:], s[-3:], s[:-3])
print(repr(s[5:2]), repr(s[10:]), s[-100:2], s[2:100])
try:
    s[8]
except IndexError:
    print("IndexError")
print(s[len(s) - 1], len(s[1:-1]))
