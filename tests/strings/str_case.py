# upper and lower, including non-letters.
print("Hello World 123".upper(), "Hello World 123".lower())
print("".upper(), "ABC".lower().upper())
print("mIxEd".lower() == "mixed")
