# Strings cannot be mutated, so edits build new strings from slices.
s = "hello world"
i = s.find("world")
print(s[:i] + "there" + s[i + 5:])
print(s[:1].upper() + s[1:])
chars = list(s)
chars[0] = "J"
print("".join(chars))
print(s.replace("o", "0", 1), "".join(reversed(s))[:5])
