# In-place set operators and *_update methods.
s = {1, 2, 3}
s |= {4}; print(sorted(s))
s &= {1, 2, 4, 8}; print(sorted(s))
s -= {1}; print(sorted(s))
s ^= {4, 5}; print(sorted(s))
t = {1, 2, 3}
t.intersection_update([2, 3, 4]); print(sorted(t))
t.difference_update([3]); print(sorted(t))
t.symmetric_difference_update([2, 9]); print(sorted(t))
alias = t
t |= {0}
print(alias is t, sorted(alias))
