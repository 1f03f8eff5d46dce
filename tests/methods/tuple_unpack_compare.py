# tuples compare element-wise with early exit; tuples of mixed types; sorting tuples with ties.
print((1, 2, "a") < (1, 2, "b"), (1, "x") < (2,), (1,) < (1, 0), () < (0,), (1, 2) == (1, 2.0), (0, float("nan")) < (1,))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), max([(1, 2), (1, 3)]), min([(0, "x"), (0, "w")]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__)
