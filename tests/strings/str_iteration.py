# Iterating over strings, enumerate, reversed, membership.
word = "level"
print(list(word), [c for c in word if c != "e"])
for i, c in enumerate("abc"):
    print(i, c)
print("".join(reversed(word)) == word)
print(list(zip("ab", "xyz")))
print(sum(1 for c in "mississippi" if c == "s"))
