# repetition by zero/negative, comparisons between strings of different lengths and code points.
print(repr("ab" * 0), repr("ab" * -2), "ab" * 3, 2 * "xy", repr("" * 5))
print("a" < "b", "a" < "ab", "ab" < "b", "Z" < "a", "é" > "z", "" < "a", "abc" == "abc")
print(sorted(["b", "B", "a", "ab", "", "é"]), max("hello"), min("hello"))
for bad in [lambda: "a" < 1, lambda: "a" * 1.5, lambda: "a" + 1]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
