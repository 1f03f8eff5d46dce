# `in` for substrings, iteration, reversed and enumerate over strings.
print("" in "abc", "bc" in "abc", "cb" in "abc", "a" not in "")
print(list(reversed("abc")), list(enumerate("xy")), "".join(c * 2 for c in "abc"))
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__)
