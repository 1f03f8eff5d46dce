# str.format: auto and manual numbering, keywords, attribute and index lookup, escapes.
print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[0]}".format(["p", "q"]), "{d[k]}".format(d={"k": "v"}), "{{literal}} {}".format(3))
class P:
    x = 10
print("{0.x} {p.x}".format(P(), p=P()), "{:>{w}}".format("r", w=4), "{:{f}^{w}}".format(5, f="*", w=5))
print("{!r} {!s} {0!r:>8}".format("s", "t") if False else "{!r} {!s}".format("s", 1.5), "{0!r:>8}".format("q"))
for bad in ["{", "}", "{0} {}", "{} {0}", "{2}", "{x}", "{!z}", "{0:%d}"]:
    try:
        print(bad.format(1, 2))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, repr(bad))
