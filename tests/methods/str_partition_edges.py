# partition/rpartition: missing separator, separator at ends, empty separator error.
print("a=b=c".partition("="), "a=b=c".rpartition("="))
print("abc".partition("x"), "abc".rpartition("x"))
print("=a".partition("="), "a=".rpartition("="), "".partition("x"))
print("aXXbXXc".partition("XX"), "aXXbXXc".rpartition("XX"))
for bad in [lambda: "a".partition(""), lambda: "a".rpartition("")]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__)
