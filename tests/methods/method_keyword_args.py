# Keyword arguments of builtin methods (one shared parser): split/rsplit sep= and maxsplit=,
# splitlines keepends=, list.sort key= and reverse=; unknown keywords and wrong receivers raise
# TypeError; list/tuple index, count and remove on equal items; str/bytes find, index, count.
print("a-b-c".split(sep="-"), "a-b-c".split("-", maxsplit=1), "a-b-c".rsplit(sep="-", maxsplit=1))
print("a b  c".split(maxsplit=1), "a b  c".rsplit(maxsplit=1), " a b ".rsplit(None, 0))
print(b"a,b,c".split(sep=b","), bytearray(b"x y").split(maxsplit=0))
print("a\nb\r\nc".splitlines(keepends=True), "a\nb".splitlines(True), "a\nb".splitlines(keepends=0))
data = [3, 1, 2]
data.sort(reverse=True)
print(data)
data.sort(key=lambda x: -x, reverse=False)
print(data)
for bad in [
    lambda: "a b".split(sepp=" "),
    lambda: "a".splitlines(keep=True),
    lambda: [1].sort(cmp=None),
    lambda: [1].sort(1),
    lambda: "a".split(sep=1),
    lambda: list.append((), 1),
    lambda: dict.get([], 1),
    lambda: bytearray.append(b"x", 1),
]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
items = [1, 2.0, 2, 3, 2]
print(items.index(2), items.index(2, 2), items.count(2), (1, 2, 1).count(1), (1, 2, 1).index(1, 1))
items.remove(2)
print(items)
try:
    items.remove(9)
except ValueError as e:
    print(type(e).__name__)
print("banana".find("an"), "banana".rfind("an"), "banana".index("na"), "banana".rindex("na"))
print("banana".count("a"), "banana".count("an", 2), "banana".count(""), "banana".count("x", 9))
print(b"banana".count(b"a"), b"banana".find(97), bytearray(b"abc").count(b""), "ab".find("", 3))
for bad in [lambda: "abc".index("z"), lambda: b"abc".rindex(b"z")]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__)
print("a1".isalnum(), "".isalpha(), " \t".isspace(), "12".isdigit(), "Ab Cd".istitle())
print("ABC".isupper(), "abc".islower(), "aBc".islower(), b"AB".isupper(), b"a b".isalpha())
print("hello".startswith(("x", "he")), "hello".endswith("lo", 0, 4), b"abc".startswith(b"a"))
for bad in [lambda: "a".startswith(1), lambda: "a".startswith(("b", 1))]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
