# Alternative constructors with classmethods respect subclasses.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, text):
        return cls(*[int(p) for p in text.split("-")])
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class Birthday(Date):
    pass
print(Date.parse("2024-01-05"), Birthday.parse("1999-12-31"))
