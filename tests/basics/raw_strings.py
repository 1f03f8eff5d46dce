# Raw strings keep backslashes.
print(r"a\nb", len(r"a\nb"))
print(R"\t", len(R"\t"))
print(r'\x41')
print(r"C:\dir\file")
print(rb"\n" == b"\\n")
print(repr(r"\'"))
