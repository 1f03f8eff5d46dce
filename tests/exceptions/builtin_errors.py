# Operations that raise builtin exceptions; only the type name is printed.
cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0,
    lambda: [1][5], lambda: (1,)[-2], lambda: "ab"[9], lambda: {}[1],
    lambda: int("12x"), lambda: float("nope"), lambda: 1 + "a", lambda: "a" * "b",
    lambda: len(5), lambda: undefined_name, lambda: (1).nope, lambda: None(),
    lambda: [].pop(), lambda: {}.popitem(), lambda: [1].index(2), lambda: "abc".index("z"),
    lambda: next(iter([])), lambda: int(None), lambda: chr(-1), lambda: ord("ab"),
    lambda: hash([]), lambda: {[]: 1}, lambda: set().pop(), lambda: [].remove(1),
    lambda: divmod(1, 0), lambda: 2 ** -1 % 0, lambda: pow(2, 3, 0), lambda: range(0, 1, 0),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__)
