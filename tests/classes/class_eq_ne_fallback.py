# != falls back to the inverse of __eq__ when __ne__ is not defined.
class Box:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Box) and self.v == other.v
print(Box(1) == Box(1), Box(1) != Box(1), Box(1) != Box(2), Box(1) == 1, Box(1) != 1)
