# isdigit, isalpha, isspace, isupper, islower, startswith, endswith.
for s in ["123", "abc", "ABC", "aBc", "  \t", "", "a1", "1.5"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isupper(), s.islower())
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"))
print("hello".startswith(("x", "h")), "hello".endswith(("x", "y")))
