# Keyword arguments can be given in any order and mixed with defaults.
def describe(name, age=0, *, city="?", country="?"):
    return "%s/%d/%s/%s" % (name, age, city, country)
print(describe("a"))
print(describe("b", 5))
print(describe(age=7, name="c"))
print(describe("d", country="NL", city="Ams"))
print(describe(**{"name": "e", "city": "X"}))
args = ("f", 9)
kwargs = {"country": "Z"}
print(describe(*args, **kwargs))
