# __format__ on user classes: format(), str.format and f-strings pass the spec; default object spec.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return "%d.%02d" % divmod(self.cents, 100)
        return "$" + format(self.cents / 100, spec)
m = Money(12345)
print(format(m), format(m, ".1f"), "{}|{:>10.2f}".format(m, m), f"{m} {m:.0f}")
class Plain:
    def __str__(self):
        return "plain"
print(format(Plain()), "{}".format(Plain()), f"{Plain()!s:>7}")
try:
    format(Plain(), "10")
except TypeError as e:
    print(type(e).__name__)
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__)
