# __index__, __int__, __float__ conversions.
class Idx:
    def __index__(self):
        return 2
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 1.5
lst = ["a", "b", "c", "d"]
print(lst[Idx()], bin(Idx()), hex(Idx()), "xy" * 1)
print(int(Num()), float(Num()))
print(list(range(Idx())))
