# str.split / rsplit edge cases: maxsplit, empty separator error, whitespace runs, empty strings.
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  a  b   c  ".split(), "  a  b   c  ".split(None, 1), "  a  b   c  ".rsplit(None, 1))
print("".split(), "".split(","), "   ".split(), " ".split(" "))
print("abc".split("abc"), "abcabc".split("bc"), "aaa".split("a"))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=0), "a b c".split(" ", -1))
print("x\ty\nz\r\nw".split())
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
