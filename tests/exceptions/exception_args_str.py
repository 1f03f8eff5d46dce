# str() and args of exceptions with zero, one and many arguments, including non-strings.
for args in [(), ("one",), (1,), ("a", 2), (None,), ([1, 2],)]:
    e = Exception(*args)
    print(args, repr(str(e)), e.args)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
e = MyErr(404, "not found")
print(e.args, e.code, str(e))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(5)
print(n.x, n.args)
