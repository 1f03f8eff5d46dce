# round() on user objects with __round__, ints with negative digits, bools.
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 2), round(True), round(-0.5), round(0.5 + 1e-9), round(-7, -1), round(5, -1))
