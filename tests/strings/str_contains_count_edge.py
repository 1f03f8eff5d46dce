# Edge cases of substring search with empty strings and overlapping matches.
print("" in "", "" in "abc", "abc" in "abc", "abcd" in "abc")
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "abc".count(""))
print("abc".find("c", -1), "abc".find("a", -1), "abc".startswith(""), "".endswith(""))
