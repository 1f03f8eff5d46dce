# set methods: add/discard/remove/pop, union/intersection/difference/symmetric_difference and updates.
s = {1, 2, 3}
s.add(4); s.discard(9); s.remove(1); print(sorted(s))
print(sorted(s.union([7], (8,))), sorted(s.intersection({2, 3, 9})), sorted(s.difference([2])))
print(sorted(s.symmetric_difference({3, 10})), s.isdisjoint({99}), s.issubset({2, 3, 4, 5}), s.issuperset([2]))
t = set(s); t.update([5], {6}); t.intersection_update(range(3, 7)); print(sorted(t))
t.difference_update([3]); t.symmetric_difference_update({4, 100}); print(sorted(t))
p = {42}; print(p.pop(), p, set().copy(), len(s.copy()))
for bad in [lambda: s.remove(99), lambda: set().pop(), lambda: s.add([])]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__)
