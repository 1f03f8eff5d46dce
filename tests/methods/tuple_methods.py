# tuple count/index, comparison, hashing as dict keys, concatenation and repetition.
t = (1, 2, 3, 2, "x")
print(t.count(2), t.index(2), t.index(2, 2), t.index("x", -1), t.count("y"))
print(t + (4,), (0,) * 3, () * 5, (1, 2) < (1, 2, 3), (1, "a") == (1, "a"), (1,) != (1.0,))
d = {(1, 2): "a", (): "empty", ((1,),): "nested"}
print(d[(1, 2)], d[()], d[((1,),)], hash((1, 2)) == hash((1, 2)))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), len(()))
for bad in [lambda: t.index(9), lambda: hash(([],)), lambda: t + [1]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
def assign():
    t[0] = 1
try:
    assign()
except TypeError as e:
    print(type(e).__name__)
