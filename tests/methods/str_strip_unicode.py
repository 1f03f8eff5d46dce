# strip with non-ASCII characters in the set and in the text.
print(repr("ééaéé".strip("é")), repr("→x←".strip("→←")), repr("  ü  ".strip()), repr("ab€".rstrip("€b")))
