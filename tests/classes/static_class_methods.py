# staticmethod and classmethod called on the class and on instances.
class Counter:
    created = 0
    def __init__(self):
        Counter.created += 1
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]
    @classmethod
    def name(cls):
        return cls.__name__
class Sub(Counter):
    pass
print(Counter.add(1, 2), Counter().add(3, 4))
print(len(Counter.make(3)), Counter.created)
print(Sub.name(), Sub().name(), Counter.name())
print(type(Sub.make(1)[0]).__name__)
