# help(): the REPL's control keys, and an object's type and members.
help()


class Point:
    x = 1
    y = "two"


help(Point)


class Shown:
    def __repr__(self):
        return "Shown()"

    sides = 4


help(Shown())
