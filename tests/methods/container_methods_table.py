# A table of list, tuple, dict and set methods over several receivers and arguments; each cell is
# the (receiver after, result) or the exception type name.
def cell(recv, name, *args):
    r = recv.copy() if hasattr(recv, "copy") else recv
    try:
        out = getattr(r, name)(*args)
        if isinstance(r, set):
            r = sorted(r)
        if isinstance(out, set):
            out = sorted(out)
        return (r, out)
    except Exception as e:
        return type(e).__name__
lists = [[], [1], [3, 1, 2, 1], ["a", "b"]]
for l in lists:
    print(l, [cell(l, m, *a) for m, a in [("append", (9,)), ("pop", ()), ("pop", (0,)), ("pop", (-2,)), ("pop", (5,)),
                                          ("insert", (-1, 0)), ("insert", (99, 0)), ("remove", (1,)), ("index", (1,)),
                                          ("index", (1, 1)), ("count", (1,)), ("extend", ("xy",)), ("reverse", ()), ("clear", ())]])
for t in [(), (1, 2, 1), ("a",)]:
    print(t, [cell(t, m, *a) for m, a in [("count", (1,)), ("index", (1,)), ("index", ("a",)), ("index", (1, -1))]])
for d in [{}, {"a": 1}, {"a": 1, "b": 2}]:
    print(d, [cell(d, m, *a) for m, a in [("get", ("a",)), ("pop", ("a",)), ("pop", ("z", 0)), ("popitem", ()), ("setdefault", ("a", 5)),
                                          ("update", ({"c": 3},)), ("update", ([("d", 4)],)), ("keys", ()), ("clear", ()), ("copy", ()),
                                          ("fromkeys", ("xy",)), ("get", ("z", "dflt"))]])
for s in [set(), {1}, {1, 2, 3}]:
    print(sorted(s), [cell(s, m, *a) for m, a in [("add", (4,)), ("discard", (1,)), ("remove", (1,)), ("pop", ()), ("union", ([5],)),
                                                   ("intersection", ({1, 2},)), ("difference", ([1],)), ("symmetric_difference", ({1, 9},)),
                                                   ("issubset", ({1, 2, 3},)), ("issuperset", ([1],)), ("isdisjoint", ([7],)),
                                                   ("update", ([8],)), ("intersection_update", ([1],)), ("difference_update", ({2},)),
                                                   ("symmetric_difference_update", ([1, 5],)), ("clear", ())]])
