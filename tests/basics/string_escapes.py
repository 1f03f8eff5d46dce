# Escape sequences in string literals.
print(repr("tab\there"))
print(len("\n"), len("\t"), len("\\"), len("\'"), len("\""))
print(ord("\x41"), ord("\101"), ord("\0"))
print("\u00e9" == "é", ord("\u00e9"))
print(ord("\U0001F600"))
print("a\rb" == "a" + chr(13) + "b")
print(repr("\a\b\f\v"))
print(repr('quote\'s'), repr("dq\"s"))
