# replace with counts, empty old strings and overlapping patterns.
print("aaaa".replace("a", "b", 2), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "".replace("", "x"), "abc".replace("x", "y"))
print("abab".replace("ab", "", 1), "hello".replace("l", "L", 0), "hello".replace("l", "L", -1))
print("ééé".replace("é", "e", 2))
