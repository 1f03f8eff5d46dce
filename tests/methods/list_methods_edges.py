# list.index/insert/pop with negative and out-of-range positions, sort with key/reverse, count.
a = [5, 3, 8, 3, 1]
print(a.index(3), a.index(3, 2), a.index(3, -2), a.count(3), a.count(9))
a.insert(-100, "start"); a.insert(100, "end"); a.insert(-1, "pre"); print(a)
print(a.pop(-1), a.pop(-6), a)
b = ["bb", "a", "ccc", "dd"]
b.sort(key=len); print(b)
b.sort(key=len, reverse=True); print(b)
b.sort(reverse=True); print(b)
c = [3, 1, 2]; print(c.sort(), c, c.reverse(), c)
c.extend(range(3)); c.extend((9,)); print(c)
for bad in [lambda: a.index(3, 0, 1), lambda: [].pop(), lambda: [1, "a"].sort(), lambda: a.pop(10)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)
