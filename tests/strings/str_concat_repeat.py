# Concatenation, repetition and comparison.
a = "ab"
print(a + "cd", a * 3, 3 * a, a * 0, repr(a * -1))
print("abc" < "abd", "ab" < "abc", "B" < "a", "abc" == "abc", "a" != "b")
print(max("hello"), min("hello"), sorted("dcba"))
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
try:
    "a" + 1
except TypeError:
    print("TypeError str + int")
