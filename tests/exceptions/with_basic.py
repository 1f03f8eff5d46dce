# with calls __enter__/__exit__ and binds the __enter__ result.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False
with CM("a") as value:
    print("body", value)
with CM("x"), CM("y") as y:
    print("two managers", y)
with CM("nobind"):
    print("no as clause")
