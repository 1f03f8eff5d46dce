# repr of strings chooses quotes and escapes non-printables.
print(repr("plain"), repr("it's"), repr('say "x"'), repr("both ' and \""))
print(repr("tab\t"), repr("nl\n"), repr("cr\r"), repr("bs\\"), repr("\x00\x7f"))
print(repr(""), repr("é"))
print([repr(c) for c in "a'\""])
