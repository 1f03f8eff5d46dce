# Generators consumed by list, tuple, set, dict, sorted, sum, min, max and str.join.
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(5)), tuple(squares(3)), sorted(set(squares(4))))
print(dict((i, s) for i, s in enumerate(squares(3))))
print(sum(squares(10)), min(squares(5)), max(squares(5)))
print("-".join(str(s) for s in squares(4)))
