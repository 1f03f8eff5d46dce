# Lexicographic comparison by code point; sorting mixed case.
words = ["banana", "Apple", "cherry", "apple", "Banana", "a", ""]
print(sorted(words))
print(sorted(words, key=lambda w: (w.lower(), w)))
print("Z" < "a", "abc" < "abd", "ab" < "abc", "é" > "z", min(words), max(words))
