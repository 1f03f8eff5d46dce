# count is non-overlapping; replace scans left to right; split/rsplit differ with overlapping separators.
print("aaaa".count("aa"), "aaa".split("aa"), "aaa".rsplit("aa"), "aaaaa".replace("aa", "b"))
print("abababa".count("aba"), "abababa".find("aba", 1), "abababa".rfind("aba"), "abababa".split("aba"))
print("mississippi".count("ss"), "mississippi".count("i", 2, 8), "mississippi".split("ss", 1))
