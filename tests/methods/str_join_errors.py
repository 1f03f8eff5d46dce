# join with various iterables, and TypeError for non-strings.
print("-".join(["a", "b"]), "".join(("x", "y", "z")), ",".join([]), ", ".join("abc"))
print("+".join(str(i) for i in range(5)), "|".join({"k": 1, "j": 2}))
for bad in [[1, 2], ["a", b"b"], None]:
    try:
        print("-".join(bad))
    except TypeError as e:
        print(type(e).__name__)
