# replace with and without a count.
print("a-b-c".replace("-", "+"))
print("a-b-c".replace("-", "", 1))
print("aaa".replace("a", "bb"))
print("abc".replace("", "-"))
print("abc".replace("x", "y"))
print("hello".replace("l", "L", 0))
print("banana".replace("ana", "o"))
