# reversed on lists, tuples, strings, ranges, and objects with __reversed__ or __len__/__getitem__.
print(list(reversed([1, 2, 3])), list(reversed((1,))), "".join(reversed("abc")), list(reversed(range(1, 10, 3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "s%d" % i
print(list(reversed(Seq())))
for bad in [lambda: reversed(5), lambda: reversed({1, 2}), lambda: reversed(x for x in [1])]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
