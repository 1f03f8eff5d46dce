# decorators with arguments and stacked decorators passing positional and keyword arguments through.
def repeat(n):
    def deco(f):
        def wrapper(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        return wrapper
    return deco
def tag(name):
    def deco(f):
        def wrapper(*a, **k):
            return "<%s>%s</%s>" % (name, f(*a, **k), name)
        return wrapper
    return deco
@repeat(2)
@tag("b")
def hello(who="world"):
    return "hi " + who
print(hello(), hello(who="you"))
