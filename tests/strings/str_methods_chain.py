# Chained string methods on a small normalisation task.
raw = "  Hello,   World!  This is   MicroPython.  "
words = raw.strip().lower().replace(",", "").replace("!", "").replace(".", "").split()
print(words)
print(" ".join(w for w in words if len(w) > 2))
print("-".join(words).upper())
print(sorted(words, key=len))
print({w[0]: w for w in words})
