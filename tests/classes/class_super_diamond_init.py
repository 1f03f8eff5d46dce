# Cooperative __init__ through a diamond calls each class once in MRO order.
log = []
class Base:
    def __init__(self):
        log.append("Base")
class Left(Base):
    def __init__(self):
        log.append("Left")
        super().__init__()
class Right(Base):
    def __init__(self):
        log.append("Right")
        super().__init__()
class Bottom(Left, Right):
    def __init__(self):
        log.append("Bottom")
        super().__init__()
Bottom()
print(log)
print([c.__name__ for c in Bottom.__mro__])
