# Building and scanning a larger string.
parts = []
for i in range(2000):
    parts.append(chr(97 + i % 26))
text = "".join(parts)
print(len(text), text[:30], text.count("a"), text.find("zab"), text.rfind("abc"))
words = [text[i:i + 5] for i in range(0, 100, 5)]
print(words)
