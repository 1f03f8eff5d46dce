# isdigit/isalpha/isspace/isupper/islower/isalnum on edge inputs, upper/lower on mixed text.
words = ["", "abc", "ABC", "aBc", "123", "a1", " ", "\t\n", "A B", "1a", "a-b", "ab1 ", "_"]
for w in words:
    print(repr(w), w.isdigit(), w.isalpha(), w.isspace(), w.isupper(), w.islower(), w.isalnum())
print("Hello World 123!".upper(), "Hello World 123!".lower())
print("x".upper() * 3, "MiXeD".lower().upper())
