# f-strings and str.format use str() for an empty spec (MicroPython has no format() builtin).
class Temp:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return "%d C" % self.c
t = Temp(21)
print(f"{t}", "{}".format(t), str(t), "%s" % t, "{!s}".format(t))
